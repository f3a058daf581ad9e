"""The result of one ``doctor`` check, and how connection failures are worded.

A failure names the exact problem and the setting that fixes it: the operator reads one
line and knows what to change.
"""

from __future__ import annotations

import socket
import ssl
from dataclasses import asdict, dataclass

OK, WARN, FAIL, SKIP = "ok", "warn", "fail", "skip"
SYMBOLS = {OK: "✓", WARN: "!", FAIL: "✗", SKIP: "-"}


@dataclass(frozen=True)
class CheckResult:
    """``status`` is ok, warn (works, but worth knowing), fail (exit 1) or skip."""

    name: str
    status: str
    message: str
    hint: str = ""

    def to_json(self) -> dict[str, str]:
        return asdict(self)

    def line(self) -> str:
        text = f"{SYMBOLS[self.status]} {self.message}"
        if self.hint and self.status in (WARN, FAIL):
            text += f"\n    fix: {self.hint}"
        return text


def ok(name: str, message: str) -> CheckResult:
    return CheckResult(name, OK, message)


def warn(name: str, message: str, hint: str = "") -> CheckResult:
    return CheckResult(name, WARN, message, hint)


def fail(name: str, message: str, hint: str = "") -> CheckResult:
    return CheckResult(name, FAIL, message, hint)


def skip(name: str, message: str) -> CheckResult:
    return CheckResult(name, SKIP, message)


def connect_failure(name: str, what: str, where: str, exc: BaseException,
                    setting: str) -> CheckResult:
    """Why a TCP/TLS connection to ``where`` failed, with the setting to look at."""
    cause = exc.__cause__ if exc.__cause__ is not None else exc
    if isinstance(cause, ConnectionRefusedError):
        return fail(name, f"{what} connection refused at {where}",
                    f"nothing listens there: check the host and port in {setting} "
                    "and that the server is running")
    if isinstance(cause, socket.gaierror):
        return fail(name, f"{what} host not found: {where.rpartition(':')[0]}",
                    f"check the host name in {setting}")
    if isinstance(cause, ssl.SSLCertVerificationError):
        return fail(name, f"{what} TLS certificate not trusted at {where}: "
                          f"{cause.verify_message}",
                    "use the server's real host name, or point ASSISTANT_TLS_CA_FILE at "
                    "its CA certificate")
    if isinstance(cause, ssl.SSLError):
        return fail(name, f"{what} TLS handshake failed at {where}: {cause.reason}",
                    f"the port may expect the other TLS mode: check the scheme in {setting}")
    if isinstance(cause, TimeoutError):
        return fail(name, f"{what} no answer from {where} (timed out)",
                    f"check the host and port in {setting} and any firewall")
    return fail(name, f"{what} connection to {where} failed: {cause}",
                f"check {setting}")
