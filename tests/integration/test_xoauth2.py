"""XOAUTH2 at an owner's submission server: the access token goes as SASL XOAUTH2
(``user=...^Aauth=Bearer ...^A^A``), as Gmail and Microsoft 365 expect, on a real aiosmtpd."""

from __future__ import annotations

import base64
import socket

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult

from assistant.mail.smtp import SmtpSender
from assistant.settings import Secret, ServerURL

pytestmark = pytest.mark.servers  # a real SMTP server on loopback


class _Handler:
    def __init__(self) -> None:
        self.logins: list[str] = []
        self.mail: list[tuple[str, list[str]]] = []

    async def auth_XOAUTH2(self, server, args):  # noqa: ANN001, ANN201, N802
        # args: the AUTH line's words; the initial response is the last (RFC 4954 4)
        self.logins.append(base64.b64decode(args[-1]).decode())
        return AuthResult(success=True)

    async def handle_DATA(self, server, session, envelope):  # noqa: ANN001, ANN201, N802
        self.mail.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 OK"


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_an_access_token_logs_in_with_xoauth2() -> None:
    # Given a submission server that speaks AUTH XOAUTH2
    handler, port = _Handler(), _port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, auth_require_tls=False)
    controller.start()
    try:
        # When the owner's follow-up is sent with a token
        sender = SmtpSender(ServerURL.parse(f"smtp://sam%40rivera.io@127.0.0.1:{port}"),
                            Secret("ya29.token"), auth="xoauth2")
        try:
            sender.send(b"From: sam@rivera.io\r\nSubject: hi\r\n\r\nhello\r\n",
                        "sam@rivera.io", ("jane@acme.example",))
        finally:
            sender.close()
    finally:
        controller.stop()
    # Then the token went as XOAUTH2 for the owner, and the mail as the owner's
    assert handler.logins == ["user=sam@rivera.io\x01auth=Bearer ya29.token\x01\x01"]
    assert handler.mail == [("sam@rivera.io", ["jane@acme.example"])]
