"""A real SMTP server on loopback (aiosmtpd) that delivers into Dovecot over LMTP.

Two listeners, each an aiosmtpd ``Controller`` (its own thread and event loop):

- ``port``: plain SMTP that offers STARTTLS. AUTH PLAIN/LOGIN is offered only after STARTTLS
  (RFC 4954 section 4 advises against plaintext passwords) and is optional: unauthenticated
  mail is accepted too, so ``smtp://`` and ``smtp+starttls://`` both work on this port.
- ``smtps_port``: implicit TLS (RFC 8314), AUTH required before MAIL FROM.

Accepted mail goes to each recipient's Dovecot INBOX by LMTP, so tests read what the assistant
sent from the recipients' mailboxes. Each transaction is also appended to a JSON-lines log.
"""

from __future__ import annotations

import asyncio
import json
import logging
import smtplib
import ssl
import threading
import time
import warnings
from email.parser import BytesHeaderParser
from email.policy import default
from pathlib import Path
from typing import Any, Protocol

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from ._support import LOOPBACK, CertPair, ServerUnavailable, free_port, make_self_signed
from .smtp_faults import FaultPlan, reply_text

logger = logging.getLogger(__name__)

# aiosmtpd warns whenever an SMTP instance requires AUTH without STARTTLS, which on the
# implicit-TLS listener is wrong (the whole connection is TLS).
warnings.filterwarnings("ignore", "Requiring AUTH while not requiring TLS", UserWarning)

USERNAME = "assistant"
PASSWORD = "smtp-secret"


class LmtpTarget(Protocol):
    """Where accepted mail is delivered: the Dovecot wrapper satisfies this."""

    @property
    def host(self) -> str: ...

    @property
    def lmtp_port(self) -> int: ...


class TransactionLog:
    """Append-only JSON lines, one object per answered transaction."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        path.write_text("")

    def record(self, **fields: Any) -> None:
        line = json.dumps({"time": time.time(), **fields})
        with self._lock, self.path.open("a") as handle:
            handle.write(line + "\n")

    def read(self) -> list[dict[str, Any]]:
        with self._lock:
            lines = self.path.read_text().splitlines()
        return [json.loads(line) for line in lines if line]


def deliver_lmtp(target: LmtpTarget, mail_from: str, rcpt_tos: list[str], raw: bytes) -> str:
    """Deliver raw to each recipient over LMTP (RFC 2033); return the SMTP reply to give."""
    # One recipient per LMTP transaction: smtplib.LMTP reads one DATA reply, but LMTP sends
    # one per recipient.
    try:
        with smtplib.LMTP(target.host, target.lmtp_port, timeout=10) as lmtp:
            for rcpt in rcpt_tos:
                lmtp.sendmail(mail_from, [rcpt], raw)
    except smtplib.SMTPRecipientsRefused as error:
        code, text = next(iter(error.recipients.values()))
        return f"{code} {text.decode(errors='replace')}"
    except (OSError, smtplib.SMTPException) as error:
        logger.warning("LMTP delivery failed: %s", error)
        return reply_text(451)
    return "250 2.0.0 OK delivered"


class DeliveringHandler:
    """aiosmtpd handler: apply faults, deliver by LMTP, log each transaction."""

    def __init__(
        self, target: LmtpTarget, faults: FaultPlan, log: TransactionLog, listener: str
    ) -> None:
        self._listener = listener
        self.files_sent: set[str] = set()
        self._target = target
        self._faults = faults
        self._log = log

    async def handle_MAIL(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        code = self._faults.take("mail")
        if code is not None:
            self._record(session, address, [], None, code, fault=True)
            return _refuse(server, code)
        envelope.mail_from = address
        envelope.mail_options.extend(options)
        return "250 OK"

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        code = self._faults.for_recipient(address)
        if code is not None:
            self._record(session, envelope.mail_from, [address], None, code, fault=True)
            return _refuse(server, code)
        envelope.rcpt_tos.append(address)
        envelope.rcpt_options.extend(options)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        message_id = _message_id(raw)
        code = self._faults.take("data")
        if code is not None:
            self._record(session, envelope.mail_from, envelope.rcpt_tos, message_id, code, True)
            return _refuse(server, code)
        reply = await asyncio.to_thread(
            deliver_lmtp, self._target, envelope.mail_from or "", list(envelope.rcpt_tos), raw
        )
        self._record(session, envelope.mail_from, envelope.rcpt_tos, message_id, int(reply[:3]))
        user = _auth_user(session)
        if reply.startswith("250") and user in self.files_sent:
            # As Gmail and Microsoft 365 do: what a mailbox's user submits is filed in Sent.
            await asyncio.to_thread(self._target.append, user, "Sent", raw)  # type: ignore[attr-defined]
        return reply

    def _record(
        self, session: Session, mail_from: str | None, rcpt_tos: list[str],
        message_id: str | None, status: int, fault: bool = False,
    ) -> None:
        self._log.record(
            mail_from=mail_from, rcpt_tos=list(rcpt_tos), message_id=message_id,
            status=status, fault=fault, auth_user=_auth_user(session), listener=self._listener,
            tls=session.ssl is not None or self._listener == "smtps",
        )


def _refuse(server: SMTP, code: int) -> str:
    # RFC 5321 3.8: a server answering 421 closes the channel. transport.close() still
    # flushes the reply, which is written before this callback runs.
    if code == 421 and server.transport is not None:
        asyncio.get_running_loop().call_soon(server.transport.close)
    return reply_text(code)


def _message_id(raw: bytes) -> str | None:
    value = BytesHeaderParser(policy=default).parsebytes(raw).get("Message-ID")
    return str(value).strip() if value is not None else None


def _auth_user(session: Session) -> str | None:
    data = session.auth_data
    return data.login.decode() if isinstance(data, LoginPassword) else None


class SmtpServer:
    """The running loopback SMTP server; build it with ``SmtpServer.start(dovecot, tmpdir)``."""

    def __init__(
        self, target: LmtpTarget, tmpdir: Path, username: str, password: str, cert: CertPair
    ) -> None:
        self._target = target
        self._username = username
        self._password = password
        self._faults = FaultPlan()
        self._files_sent: set[str] = set()
        self._log = TransactionLog(tmpdir / "smtp-transactions.jsonl")
        self._cert = cert
        self._controllers: list[Controller] = []
        self._ports = (free_port(), free_port())

    @classmethod
    def start(
        cls, dovecot: LmtpTarget, tmpdir: Path,
        username: str = USERNAME, password: str = PASSWORD,
    ) -> SmtpServer:
        """Start both listeners, delivering into dovecot by LMTP.

        The TLS certificate is Dovecot's when it has one (``dovecot.cafile`` then trusts both
        servers), else a new self-signed one under tmpdir.
        """
        tmpdir = Path(tmpdir)
        tmpdir.mkdir(parents=True, exist_ok=True)
        cert = getattr(dovecot, "cert_pair", None) or make_self_signed(tmpdir, "smtp")
        server = cls(dovecot, tmpdir, username, password, cert)
        server._mailbox_password = dovecot.password
        server._launch()
        return server

    def _launch(self) -> None:
        # aiosmtpd logs a deprecation line at WARNING on every AUTH; it is not ours to fix.
        logging.getLogger("mail.log").setLevel(logging.ERROR)
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(self._cert.cert, self._cert.key)
        common = {"hostname": LOOPBACK, "server_hostname": "localhost",
                  "authenticator": self._authenticate, "ready_timeout": 5.0}
        plain = Controller(
            self._handler("smtp"), port=self._ports[0], tls_context=tls,
            auth_required=False, auth_require_tls=True, **common,
        )
        # aiosmtpd only counts STARTTLS as TLS, so auth_require_tls must be off on the
        # implicit-TLS listener for AUTH to be offered there; the socket is TLS regardless.
        implicit = Controller(
            self._handler("smtps"), port=self._ports[1], ssl_context=tls,
            auth_required=True, auth_require_tls=False, **common,
        )
        for controller in (plain, implicit):
            self._start_controller(controller)
        logger.info("smtp up: plain %d, smtps %d", *self._ports)

    def _handler(self, listener: str) -> DeliveringHandler:
        handler = DeliveringHandler(self._target, self._faults, self._log, listener)
        handler.files_sent = self._files_sent
        return handler

    def file_in_sent(self, user: str, files: bool = True) -> None:
        """Play a provider that files what ``user`` submits (logged in as themself) in their
        Sent folder, or stop (``files=False``)."""
        (self._files_sent.add if files else self._files_sent.discard)(user)

    def _start_controller(self, controller: Controller) -> None:
        try:
            controller.start()
        except Exception as error:  # aiosmtpd raises bare exceptions from its thread
            self.stop()
            message = f"SMTP listener on port {controller.port} failed: {error}"
            raise ServerUnavailable(message) from error
        self._controllers.append(controller)

    def _authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, data: Any
    ) -> AuthResult:
        code = self._faults.take("auth")
        if code is not None:  # an injected answer, such as 454 (RFC 4954 6)
            return AuthResult(success=False, handled=False, message=reply_text(code))
        expected = LoginPassword(self._username.encode(), self._password.encode())
        # A mailbox's own user submits with the mailbox's password, as at a provider: the
        # server then plays an owner's own submission server (linked accounts).
        success = isinstance(data, LoginPassword) and (
            data == expected or (b"@" in data.login
                                 and data.password == self._mailbox_password.encode()))
        # handled=False: aiosmtpd then sends the 535 reply itself (RFC 4954 section 6).
        return AuthResult(success=success, handled=False, auth_data=data if success else None)

    def stop(self) -> None:
        while self._controllers:
            self._controllers.pop().stop()

    # -- where it is -----------------------------------------------------------------------

    @property
    def host(self) -> str:
        return LOOPBACK

    @property
    def port(self) -> int:
        """Plain SMTP, STARTTLS offered, AUTH optional (offered after STARTTLS)."""
        return self._ports[0]

    @property
    def smtps_port(self) -> int:
        """Implicit TLS, AUTH required."""
        return self._ports[1]

    @property
    def username(self) -> str:
        return self._username

    @property
    def password(self) -> str:
        return self._password

    @property
    def cafile(self) -> Path:
        return self._cert.cert

    _mailbox_password = ""

    def submission_url(self, user: str) -> str:
        """``smtps://user@H:P``: the implicit-TLS listener as a mailbox user's own submission
        server (log in with the mailbox's password, ``dovecot.password``)."""
        from urllib.parse import quote

        return f"smtps://{quote(user, safe='')}@{self.host}:{self.smtps_port}"

    def url(self, kind: str = "smtp") -> str:
        """Return ``smtp://H:P``, ``smtp+starttls://user@H:P`` or ``smtps://user@H:P``."""
        if kind == "smtp":
            return f"smtp://{self.host}:{self.port}"
        if kind == "starttls":
            return f"smtp+starttls://{self._username}@{self.host}:{self.port}"
        if kind == "smtps":
            return f"smtps://{self._username}@{self.host}:{self.smtps_port}"
        raise ValueError(f"kind must be smtp, starttls or smtps, not {kind!r}")

    # -- faults and the transaction log -----------------------------------------------------

    def fail_next(self, code: int, count: int = 1, stage: str = "data") -> None:
        """Answer code to the next count transactions (stage "data": after the message body,
        "mail": at MAIL FROM, "auth": to AUTH). A 421 also closes the connection, as RFC 5321
        3.8 says."""
        self._faults.fail_next(code, count, stage)

    def fail_recipient(self, address: str, code: int) -> None:
        """Answer code to RCPT TO for address until clear_faults()."""
        self._faults.fail_recipient(address, code)

    def clear_faults(self) -> None:
        self._faults.clear()

    def transactions(self) -> list[dict[str, Any]]:
        """Every answered transaction so far, oldest first (see the module docstring)."""
        return self._log.read()

    @property
    def transactions_path(self) -> Path:
        return self._log.path
