"""The owner's own IMAP mailbox, read as little as possible.

- Sent: one ``SEARCH HEADER Message-ID`` to learn whether a follow-up is there, one APPEND
  (flagged ``\\Seen``) when the provider does not file submitted mail itself.
- INBOX: opened with EXAMINE (read-only, RFC 3501 6.3.2), so nothing is ever marked read,
  moved or deleted; only the header fields in ``HEADER_FIELDS`` of mail newer than the last
  UID seen are fetched, with ``BODY.PEEK`` (RFC 3501 6.4.5). The only message ever fetched
  whole is one whose header fields are a mail system's (a multipart/report, a mailer-daemon
  or postmaster, the null reverse-path), to read the delivery report inside; the body of the
  owner's other mail is never fetched.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime

import imapclient
from imapclient.imapclient import SENT

from assistant.errors import ConfigurationError
from assistant.mail.imap import IDLE_RENEW_SECONDS, _errors, _has_new_mail, connect, hang_up
from assistant.settings import Secret, ServerURL

log = logging.getLogger(__name__)

HEADER_FIELDS = ("FROM", "MESSAGE-ID", "IN-REPLY-TO", "REFERENCES", "AUTO-SUBMITTED",
                 "PRECEDENCE", "X-AUTOREPLY", "X-AUTORESPOND", "X-AUTO-RESPONSE-SUPPRESS",
                 "SUBJECT", "CONTENT-TYPE", "RETURN-PATH")
# A report's first part is the explanation, its second the delivery status, its last the
# returned message's headers (or the whole message, attachments and all): its start is enough.
REPORT_BYTES = 256 * 1024
_FETCH = f"BODY.PEEK[HEADER.FIELDS ({' '.join(HEADER_FIELDS)})]"
_FETCHED = f"BODY[HEADER.FIELDS ({' '.join(HEADER_FIELDS)})]".encode()


class OwnerImap:
    def __init__(self, url: ServerURL, secret: Secret, *, auth: str = "password",
                 ca_file: str | None = None, timeout: float = 30.0, idle: bool = True) -> None:
        if not url.host or not url.username:
            raise ConfigurationError("the owner's IMAP URL needs a user and a host")
        self.url = url
        self.identity = f"owner:{url.scheme}://{url.username}@{url.host}:{url.port or ''}"
        self._secret = secret
        self._auth = auth
        self._ca_file = ca_file
        self._timeout = timeout
        self._client: imapclient.IMAPClient | None = None
        self._idling_since: float | None = None
        self._idle = idle  # False: poll (ASSISTANT_IMAP_IDLE=0)

    def open(self) -> None:
        with _errors("connect"):
            client = connect(self.url, self._ca_file, self._timeout)
            if self._auth == "xoauth2":
                client.oauth2_login(self.url.username, self._secret.value)
            else:
                client.login(self.url.username, self._secret.value)
            self._client = client

    @property
    def client(self) -> imapclient.IMAPClient:
        if self._client is None:
            raise ConfigurationError("the owner's IMAP connection is not open")
        return self._client

    def close(self) -> None:
        client, self._client = self._client, None
        idling, self._idling_since = self._idling_since is not None, None
        hang_up(client, idling)

    def __enter__(self) -> OwnerImap:
        self.open()
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- Sent -------------------------------------------------------------------------------
    def sent_folder(self, preferred: str | None = None) -> str:
        """The folder the owner's client files sent mail in: the one named, else the one
        flagged ``\\Sent`` (RFC 6154), else "Sent" (created if missing)."""
        with _errors("list"):
            if preferred:
                return preferred
            found = self.client.find_special_folder(SENT)
            if found:
                return str(found)
            if not self.client.folder_exists("Sent"):
                self.client.create_folder("Sent")
            return "Sent"

    def holds(self, folder: str, message_id: str) -> bool:
        """True when a message with this Message-ID is in the folder."""
        with _errors("search"):
            self.client.select_folder(folder, readonly=True)
            return bool(self.client.search(["HEADER", "Message-ID", message_id.strip()]))

    def append(self, folder: str, raw: bytes, when: datetime) -> None:
        with _errors("append"):
            self.client.append(folder, raw, flags=[imapclient.SEEN], msg_time=when)

    # -- INBOX ------------------------------------------------------------------------------
    def examine(self, folder: str = "INBOX") -> tuple[int, int]:
        """Open read-only; returns (UIDVALIDITY, UIDNEXT)."""
        with _errors("examine"):
            status = self.client.select_folder(folder, readonly=True)
        return int(status[b"UIDVALIDITY"]), int(status.get(b"UIDNEXT", 1))

    def uids_after(self, last_uid: int) -> list[int]:
        self._end_idle()
        with _errors("search"):
            self.client.noop()  # lets the server tell of mail that came since (EXISTS)
            # "n:*" always includes the highest UID, even when it is below n (RFC 3501 6.4.8).
            return sorted(u for u in self.client.search(["UID", f"{last_uid + 1}:*"])
                          if u > last_uid)

    def last_uid_before(self, moment: datetime) -> int:
        """The highest UID of the mail that arrived before the day of ``moment`` (SEARCH SINCE
        compares internal dates by day, RFC 3501 6.4.4), so reading on from it covers that
        whole day; 0 when everything is that recent."""
        self._end_idle()
        with _errors("search"):
            recent = self.client.search(["SINCE", moment.date()])
        return max(0, min(recent) - 1) if recent else self._highest_uid()

    def _highest_uid(self) -> int:
        with _errors("search"):
            uids = self.client.search(["ALL"])
        return max(uids, default=0)

    def headers(self, uids: list[int]) -> dict[int, bytes]:
        """Only the header fields the reply watcher needs, for each UID."""
        if not uids:
            return {}
        self._end_idle()
        with _errors("fetch"):
            data = self.client.fetch(uids, [_FETCH])
        return {uid: bytes(fields.get(_FETCHED, b"")) for uid, fields in data.items()}

    def report(self, uid: int) -> bytes | None:
        """The whole message, for a delivery report only (the caller has checked its header
        fields, ``reply_headers.is_report``); BODY.PEEK, so it stays unread."""
        self._end_idle()
        with _errors("fetch"):
            data = self.client.fetch([uid], [f"BODY.PEEK[]<0.{REPORT_BYTES}>"])
        fields = data.get(uid) or {}
        raw = next((v for k, v in fields.items() if bytes(k).startswith(b"BODY[]")), None)
        return bytes(raw) if raw is not None else None

    def wait(self, seconds: float) -> bool:
        """IDLE (RFC 2177) up to ``seconds``, or sleep and NOOP when the server lacks it."""
        if not (self._idle and self.client.has_capability("IDLE")):
            time.sleep(seconds)
            with _errors("noop"):
                return _has_new_mail(self.client.noop()[1])
        with _errors("idle"):
            if self._idling_since is None or (
                    time.monotonic() - self._idling_since > IDLE_RENEW_SECONDS):
                self._end_idle()
                self.client.idle()
                self._idling_since = time.monotonic()
            return _has_new_mail(self.client.idle_check(timeout=seconds))

    def _end_idle(self) -> None:
        if self._idling_since is not None and self._client is not None:
            self._idling_since = None
            with _errors("idle done"):
                self._client.idle_done()
