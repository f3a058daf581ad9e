"""The result of one ``doctor`` check, and how connection failures are worded.

A failure names the exact problem and the setting that fixes it: the operator reads one
line and knows what to change.
"""

from __future__ import annotations

import socket
import ssl
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta

OK, WARN, FAIL, SKIP = "ok", "warn", "fail", "skip"
SYMBOLS = {OK: "✓", WARN: "!", FAIL: "✗", SKIP: "-"}
# Past this, due times, approval expiry and the Date of every email drift from the server's
# view of time (and receiving filters distrust a Date in the future).
CLOCK_SKEW_LIMIT = timedelta(minutes=5)


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


def clock_skew(server_time: datetime, local_time: datetime,
               limit: timedelta = CLOCK_SKEW_LIMIT) -> CheckResult:
    """This machine's clock against the IMAP server's, read at the same moment. The server's
    INTERNALDATE has whole seconds (RFC 3501 9, date-time), so a second apart is agreement."""
    apart = abs((server_time - local_time).total_seconds())
    if apart > limit.total_seconds():
        return fail("clock.server", f"the IMAP server's clock and this machine's differ by "
                                    f"{_duration(apart)}",
                    "enable NTP on this machine (timedatectl set-ntp true); if it is already "
                    "on, the server's clock is wrong: tell its operator")
    return ok("clock.server", f"clock agrees with the IMAP server's ({_duration(apart)} apart)")


def _duration(seconds: float) -> str:
    if seconds < 120:
        return f"{int(seconds)} s"
    if seconds < 2 * 3600:
        return f"{int(seconds // 60)} min"
    return f"{seconds / 3600:.1f} h"
