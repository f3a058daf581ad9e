"""Outgoing mail: aiosmtplib behind a small synchronous facade, and the URL-selected factory.

``smtps://`` is implicit TLS (RFC 8314), ``smtp+starttls://`` upgrades with STARTTLS
(RFC 3207) and refuses to go on without it, ``smtp://`` is plain (loopback relays). One
connection is kept per sender and reused; a dropped one is reopened once per message.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from collections.abc import Mapping
from typing import Protocol

import aiosmtplib

from assistant.errors import ConfigurationError, DeliveryError, DeliveryRejected
from assistant.settings import Secret, ServerURL, Settings

log = logging.getLogger(__name__)


class Outgoing(Protocol):
    def send(self, raw: bytes, envelope_from: str, recipients: tuple[str, ...]) -> None:
        """Deliver or raise DeliveryError (retry later) / DeliveryRejected (never retry)."""

    def close(self) -> None: ...


def open_outgoing(settings: Settings) -> Outgoing:
    url = ServerURL.parse(settings.smtp_url)
    if url.scheme == "maildir":
        from assistant.mail.maildir import MaildirOutbox

        return MaildirOutbox(url.path)
    if url.scheme in ("smtp", "smtps", "smtp+starttls"):
        return SmtpSender(url, settings.smtp_password or url.password,
                          ca_file=settings.tls_ca_file)
    raise ConfigurationError(
        f"ASSISTANT_SMTP_URL: unsupported scheme {url.scheme!r} (use smtps://, "
        "smtp+starttls://, smtp:// or maildir://)")


class SmtpSender:
    """One SMTP connection, reused across messages; not shared between threads."""

    def __init__(self, url: ServerURL, password: Secret, *, ca_file: str | None = None,
                 timeout: float = 30.0) -> None:
        if not url.host:
            raise ConfigurationError("ASSISTANT_SMTP_URL needs a host: smtps://user@host:465")
        self.url = url
        self._password = password
        self._timeout = timeout
        self._context = ssl.create_default_context(cafile=ca_file)
        self._loop = asyncio.new_event_loop()
        self._client: aiosmtplib.SMTP | None = None

    def send(self, raw: bytes, envelope_from: str, recipients: tuple[str, ...]) -> None:
        self._loop.run_until_complete(self._send(raw, envelope_from, list(recipients)))

    async def _send(self, raw: bytes, envelope_from: str, recipients: list[str]) -> None:
        for attempt in (1, 2):
            try:
                client = await self._connected()
                errors, _ = await client.sendmail(envelope_from, recipients, raw)
                _raise_for_refused(errors)
                return
            except aiosmtplib.SMTPServerDisconnected as exc:
                await self._drop()
                if attempt == 2:
                    raise DeliveryError(f"SMTP connection lost: {exc}") from exc
            except aiosmtplib.SMTPRecipientsRefused as exc:
                _raise_for_refused({r.recipient: (r.code, r.message) for r in exc.recipients})
            except aiosmtplib.SMTPResponseException as exc:
                await self._drop()
                raise _classify(exc.code, exc.message) from exc
            except (TimeoutError, aiosmtplib.SMTPException, OSError) as exc:
                await self._drop()
                raise DeliveryError(f"SMTP failed: {exc}") from exc

    async def _connected(self) -> aiosmtplib.SMTP:
        if self._client is not None and self._client.is_connected:
            return self._client
        implicit = self.url.scheme == "smtps"
        port = self.url.port or (465 if implicit else 587 if "starttls" in self.url.scheme else 25)
        client = aiosmtplib.SMTP(hostname=self.url.host, port=port, use_tls=implicit,
                                 start_tls=False, tls_context=self._context,
                                 timeout=self._timeout)
        await client.connect()
        if self.url.scheme == "smtp+starttls":
            await client.starttls(tls_context=self._context)
        if self.url.username:
            try:
                await client.login(self.url.username, self._password.value)
            except aiosmtplib.SMTPAuthenticationError as exc:
                await client.quit()
                raise DeliveryRejected(f"SMTP login refused for {self.url.username}: "
                                       f"{exc.code} {exc.message}") from None
        self._client = client
        return client

    async def _drop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            client.close()

    def close(self) -> None:
        if self._client is not None and self._client.is_connected:
            try:
                self._loop.run_until_complete(self._client.quit())
            except (aiosmtplib.SMTPException, OSError):
                self._client.close()
        self._client = None
        self._loop.close()


def _classify(code: int, message: str) -> DeliveryError | DeliveryRejected:
    # RFC 5321 4.2.1: 4yz is a transient failure, 5yz a permanent one.
    if 500 <= code < 600:
        return DeliveryRejected(f"SMTP refused the message: {code} {message}")
    return DeliveryError(f"SMTP deferred the message: {code} {message}")


def _raise_for_refused(errors: Mapping[str, tuple[int, str]]) -> None:
    if not errors:
        return
    if any(500 <= code < 600 for code, _ in errors.values()):
        detail = "; ".join(f"{addr}: {code} {msg}" for addr, (code, msg) in errors.items())
        raise DeliveryRejected(f"SMTP refused recipients: {detail}")
    detail = "; ".join(f"{addr}: {code} {msg}" for addr, (code, msg) in errors.items())
    raise DeliveryError(f"SMTP deferred recipients: {detail}")
