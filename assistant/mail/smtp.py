"""Outgoing mail: aiosmtplib behind a small synchronous facade, and the URL-selected factory.

``smtps://`` is implicit TLS (RFC 8314), ``smtp+starttls://`` upgrades with STARTTLS
(RFC 3207) and refuses to go on without it, ``smtp://`` is plain (loopback relays). One
connection is kept per sender and reused; a dropped one is reopened once per message.
"""

from __future__ import annotations

import asyncio
import logging
import ssl
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

import aiosmtplib

from assistant.errors import (
    ConfigurationError,
    DeliveryError,
    DeliveryRejected,
    RecipientsRefused,
    RelayLoginError,
)
from assistant.settings import Secret, ServerURL, Settings

log = logging.getLogger(__name__)


class ServerDeferred(DeliveryError):
    """Raised when the server answered 4yz (RFC 5321 4.2.1): it took nothing, for now. Unlike
    a dropped connection, there is no doubt about whether the message was accepted."""


@dataclass(frozen=True)
class Delivery:
    """What one send did: the recipients the message went to, the ones refused for good
    (a 5yz answer to their RCPT, RFC 5321 4.2.1) with the server's words, and whether the
    receipt copy went along."""

    accepted: tuple[str, ...]
    refused: Mapping[str, str] = field(default_factory=dict)
    receipt: bool = False


@dataclass(frozen=True)
class Receipt:
    """The assistant's copy of a message, sent along as proof that the message left.

    ``required``: a deferred copy makes the whole message wait. ``going_without`` is called
    with the relay's answer just before a message goes without its copy (refused for good,
    or deferred while not required), so the caller can record that no proof will come back;
    if it raises, nothing is sent.
    """

    address: str
    required: bool = True
    going_without: Callable[[str], None] | None = None


class Outgoing(Protocol):
    def send(self, raw: bytes, envelope_from: str, recipients: tuple[str, ...], *,
             receipt: Receipt | None = None) -> Delivery:
        """Deliver to ``recipients`` (and a copy to ``receipt``), or raise DeliveryError
        (nothing was delivered; retry later) / DeliveryRejected (nothing was delivered;
        never retry). Recipients refused for good are returned, not raised, when others
        got the message."""

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
                 timeout: float = 30.0, auth: str = "password") -> None:
        if not url.host:
            raise ConfigurationError("ASSISTANT_SMTP_URL needs a host: smtps://user@host:465")
        self.url = url
        self._password = password
        self._auth = auth  # "password" (AUTH PLAIN/LOGIN) or "xoauth2" (an access token)
        self._timeout = timeout
        self._context = ssl.create_default_context(cafile=ca_file)
        self._loop = asyncio.new_event_loop()
        self._client: aiosmtplib.SMTP | None = None

    def send(self, raw: bytes, envelope_from: str, recipients: tuple[str, ...], *,
             receipt: Receipt | None = None,
             before_data: Callable[[], None] | None = None) -> Delivery:
        """``before_data`` is called once every recipient is accepted, just before DATA (the
        caller records that from here on the message may have left); if it raises, nothing
        is sent."""
        return self._loop.run_until_complete(
            self._send(raw, envelope_from, list(recipients), receipt, before_data))

    async def _send(self, raw: bytes, envelope_from: str, recipients: list[str],
                    receipt: Receipt | None,
                    before_data: Callable[[], None] | None = None) -> Delivery:
        for attempt in (1, 2):
            try:
                client = await self._connected()
                return await _transaction(client, raw, envelope_from, recipients, receipt,
                                          before_data)
            except aiosmtplib.SMTPServerDisconnected as exc:
                await self._drop()
                if attempt == 2:
                    raise DeliveryError(f"SMTP connection lost: {exc}") from exc
            except aiosmtplib.SMTPResponseException as exc:
                await self._drop()
                raise _classify(exc.code, exc.message) from exc
            except (TimeoutError, aiosmtplib.SMTPException, OSError) as exc:
                await self._drop()
                raise DeliveryError(f"SMTP failed: {exc}") from exc
        raise AssertionError("unreachable")

    def check(self) -> None:
        """Connect, TLS and log in, then leave: for ``doctor`` (nothing is sent)."""
        try:
            self._loop.run_until_complete(self._connected())
        except aiosmtplib.SMTPResponseException as exc:
            raise DeliveryError(f"SMTP refused: {exc.code} {exc.message}") from None
        except (TimeoutError, aiosmtplib.SMTPException, OSError) as exc:
            raise DeliveryError(f"SMTP failed: {exc}") from None

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
                if self._auth == "xoauth2":  # Gmail, Microsoft 365: SASL XOAUTH2
                    await client.auth_xoauth2(self.url.username, self._password.value)
                else:
                    await client.login(self.url.username, self._password.value)
            except aiosmtplib.SMTPResponseException as exc:
                client.close()
                # 454 (RFC 4954 6) clears by itself, 535 once the password is fixed: either
                # way the emails are not at fault, so they wait instead of failing.
                raise RelayLoginError(f"SMTP login refused for {self.url.username}: "
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


async def _transaction(client: aiosmtplib.SMTP, raw: bytes, envelope_from: str,
                       recipients: list[str], receipt: Receipt | None,
                       before_data: Callable[[], None] | None = None) -> Delivery:
    """One SMTP transaction in which nothing is delivered unless every answer allows it.

    Each RCPT answer is read before DATA (RFC 5321 3.3): a 4yz for any recipient resets the
    transaction, so a retry never repeats what someone already got; a 5yz leaves that
    recipient out for good. The receipt copy is asked for only once the real recipients are
    accepted, so it can never confirm a message they refused; when the relay defers it, the
    whole message waits, and when it refuses it for good (or the copy is not required), the
    message goes without it, once ``receipt.going_without`` has recorded so.
    """
    if client.is_ehlo_or_helo_needed:
        await client.ehlo()
    try:
        await client.mail(envelope_from)
        accepted, refused, deferred = await _recipients(client, recipients)
        if deferred:
            raise DeliveryError(f"SMTP deferred recipients: {_detail(deferred)}")
        if not accepted:
            raise RecipientsRefused(f"SMTP refused recipients: {_detail(refused)}",
                                    {a: f"{c} {m}" for a, (c, m) in refused.items()})
        with_receipt = False
        if receipt:
            try:
                await client.rcpt(receipt.address)
                with_receipt = True
            except aiosmtplib.SMTPRecipientRefused as exc:
                if exc.code < 500 and receipt.required:
                    raise DeliveryError(f"SMTP deferred the receipt copy: {exc.code} "
                                        f"{exc.message}") from None
                log.warning("sending without the receipt copy: %s %s", exc.code, exc.message)
                if receipt.going_without is not None:
                    receipt.going_without(f"{exc.code} {exc.message}")
        if before_data is not None:
            before_data()
        await client.data(raw)
    except Exception:  # the transaction did not complete: reset it before anything else
        await _reset(client)
        raise
    return Delivery(tuple(accepted), {a: f"{c} {m}" for a, (c, m) in refused.items()},
                    with_receipt)


async def _recipients(client: aiosmtplib.SMTP, recipients: list[str]) -> tuple[
        list[str], dict[str, tuple[int, str]], dict[str, tuple[int, str]]]:
    accepted: list[str] = []
    refused: dict[str, tuple[int, str]] = {}
    deferred: dict[str, tuple[int, str]] = {}
    for recipient in recipients:
        try:
            await client.rcpt(recipient)
            accepted.append(recipient)
        except aiosmtplib.SMTPRecipientRefused as exc:
            (refused if exc.code >= 500 else deferred)[recipient] = (exc.code, exc.message)
    return accepted, refused, deferred


async def _reset(client: aiosmtplib.SMTP) -> None:
    try:
        await client.rset()
    except (aiosmtplib.SMTPException, OSError):
        client.close()  # a connection that cannot reset is not reused


def _detail(errors: Mapping[str, tuple[int, str]]) -> str:
    return "; ".join(f"{addr}: {code} {msg}" for addr, (code, msg) in errors.items())


def _classify(code: int, message: str) -> DeliveryError | DeliveryRejected:
    # RFC 5321 4.2.1: 4yz is a transient failure, 5yz a permanent one.
    if 500 <= code < 600:
        return DeliveryRejected(f"SMTP refused the message: {code} {message}")
    return ServerDeferred(f"SMTP deferred the message: {code} {message}")
