"""IMAP inbox adapter (imapclient): IDLE when advertised, polling otherwise.

Messages are fetched with ``BODY.PEEK[]`` so reading never sets ``\\Seen`` (RFC 3501 6.4.5);
processed mail is moved with MOVE when advertised (RFC 6851), else COPY + ``\\Deleted`` +
UID EXPUNGE (RFC 4315) or EXPUNGE.
"""

from __future__ import annotations

import ast
import logging
import ssl
import time
from collections.abc import Iterator
from contextlib import contextmanager

import imapclient
from imapclient.exceptions import IMAPClientError

from assistant.errors import ConfigurationError, MailboxError
from assistant.mail.inbox import LoginRefused
from assistant.settings import Secret, ServerURL
from assistant.store.inbound import FetchedMessage

log = logging.getLogger(__name__)

IDLE_RENEW_SECONDS = 25 * 60  # RFC 2177: servers may drop an IDLE after 29 minutes


class ImapInbox:
    def __init__(self, url: ServerURL, password: Secret, *, folders: tuple[str, ...] = (),
                 fetch_batch: int = 100, ca_file: str | None = None,
                 timeout: float = 30.0, idle: bool = True) -> None:
        if not url.host or not url.username:
            raise ConfigurationError("ASSISTANT_INBOX_URL needs a user and a host: "
                                     "imaps://user@host/INBOX")
        self.url = url
        self.folder = url.path.strip("/") or "INBOX"
        self.identity = (f"{url.scheme}://{url.username}@{url.host}:{url.port or ''}/"
                         f"{self.folder}")
        self._password = password
        self._folders = folders
        self._batch = max(1, fetch_batch)
        self._ca_file = ca_file
        self._timeout = timeout
        self._client: imapclient.IMAPClient | None = None
        self._idling_since: float | None = None
        self._idle = idle  # False: poll (ASSISTANT_IMAP_IDLE=0), for servers whose IDLE fails

    # -- connection -------------------------------------------------------------------------
    def open(self) -> int | None:
        with _errors("connect"):
            self._client = self._connect()
            self._client.login(self.url.username, self._password.value)
            for folder in self._folders:
                if not self._client.folder_exists(folder):
                    self._client.create_folder(folder)
            status = self._client.select_folder(self.folder)
        return int(status[b"UIDVALIDITY"])

    def _connect(self) -> imapclient.IMAPClient:
        return connect(self.url, self._ca_file, self._timeout)

    @property
    def client(self) -> imapclient.IMAPClient:
        if self._client is None:
            raise MailboxError("the IMAP connection is not open")
        return self._client

    def close(self) -> None:
        client, self._client = self._client, None
        idling, self._idling_since = self._idling_since is not None, None
        hang_up(client, idling)

    # -- reading ----------------------------------------------------------------------------
    def list_refs(self) -> list[str]:
        self._end_idle()
        with _errors("search"):
            return [str(uid) for uid in sorted(self.client.search(["NOT", "DELETED"]))]

    def fetch(self, refs: list[str]) -> list[FetchedMessage]:
        self._end_idle()
        found: list[FetchedMessage] = []
        uids = [int(ref) for ref in refs]
        for start in range(0, len(uids), self._batch):
            chunk = uids[start:start + self._batch]
            with _errors("fetch"):
                data = self.client.fetch(chunk, ["BODY.PEEK[]"])
            for uid in chunk:
                raw = data.get(uid, {}).get(b"BODY[]")
                if raw is not None:
                    found.append(FetchedMessage(source_ref=str(uid), raw=bytes(raw), uid=uid))
        return found

    def move(self, refs: list[str], folder: str) -> None:
        if not refs:
            return
        self._end_idle()
        uids = [int(ref) for ref in refs]
        with _errors("move"):
            if self.client.has_capability("MOVE"):
                self.client.move(uids, folder)
                return
            self.client.copy(uids, folder)
            self.client.add_flags(uids, [imapclient.DELETED])
            if self.client.has_capability("UIDPLUS"):
                self.client.uid_expunge(uids)
            else:
                self.client.expunge()

    # -- waiting ----------------------------------------------------------------------------
    def wait(self, seconds: float) -> bool:
        if not (self._idle and self.client.has_capability("IDLE")):
            time.sleep(seconds)
            with _errors("noop"):
                return _has_new_mail(self.client.noop()[1])
        with _errors("idle"):
            if self._idling_since is None or self._idle_expired():
                self._end_idle()
                self.client.idle()
                self._idling_since = time.monotonic()
            return _has_new_mail(self.client.idle_check(timeout=seconds))

    def _idle_expired(self) -> bool:
        return (self._idling_since is not None
                and time.monotonic() - self._idling_since > IDLE_RENEW_SECONDS)

    def _end_idle(self) -> None:
        if self._idling_since is not None and self._client is not None:
            self._idling_since = None
            with _errors("idle done"):
                self._client.idle_done()


def _has_new_mail(responses: list) -> bool:  # type: ignore[type-arg]
    return any(len(r) > 1 and r[1] in (b"EXISTS", b"RECENT") for r in responses
               if isinstance(r, tuple))


@contextmanager
def _errors(step: str) -> Iterator[None]:
    """A refused login becomes LoginRefused; every other failure of the server or the network
    a MailboxError (transient)."""
    try:
        yield
    except imapclient.exceptions.LoginError as exc:
        raise LoginRefused(f"IMAP login refused: {_text(exc)}") from None
    except (TimeoutError, IMAPClientError, OSError, ssl.SSLError) as exc:
        raise MailboxError(f"IMAP {step} failed: {_text(exc)}") from exc


def _text(exc: BaseException) -> str:
    """The server's words. imaplib carries them as bytes, and imapclient wraps some (a refused
    LOGIN) with ``str()``, which leaves ``b'[AUTHENTICATIONFAILED] ...'``: unwrapped here."""
    first = exc.args[0] if len(exc.args) == 1 else str(exc)
    if isinstance(first, bytes):
        return first.decode("utf-8", errors="replace")
    text = str(first)
    if len(text) > 2 and text[0] == "b" and text[1] in "'\"" and text[-1] == text[1]:
        try:
            value = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            return text
        if isinstance(value, bytes):
            return value.decode("utf-8", errors="replace")
    return text


def connect(url: ServerURL, ca_file: str | None, timeout: float) -> imapclient.IMAPClient:
    """A connection to ``url``: implicit TLS for imaps://, else STARTTLS when offered."""
    context = ssl.create_default_context(cafile=ca_file)
    implicit = url.scheme == "imaps"
    port = url.port or (993 if implicit else 143)
    client = imapclient.IMAPClient(url.host, port=port, ssl=implicit, ssl_context=context,
                                   timeout=timeout)
    if not implicit and b"STARTTLS" in client.capabilities():
        client.starttls(context)
    return client


def hang_up(client: imapclient.IMAPClient | None, idling: bool) -> None:
    """End an IDLE, log out; a connection already broken is just shut."""
    if client is None:
        return
    try:
        if idling:
            client.idle_done()
        client.logout()
    except (IMAPClientError, OSError):
        client.shutdown()
