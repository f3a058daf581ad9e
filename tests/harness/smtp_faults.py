"""Fault injection for the loopback SMTP server: which replies to give instead of success.

Thread-safe, because tests set faults from the test thread while the server answers from its
own event-loop thread.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

STAGES = ("auth", "mail", "data")

# Reply texts with RFC 3463 enhanced status codes; RFC 5321 4.2.3 names the basic codes.
_TEXTS = {
    421: "421 4.3.2 Service not available, closing transmission channel",
    450: "450 4.2.1 Mailbox unavailable, try again later",
    454: "454 4.7.0 Temporary authentication failure",
    451: "451 4.3.0 Requested action aborted: local error in processing",
    452: "452 4.3.1 Insufficient system storage",
    550: "550 5.1.1 Requested action not taken: mailbox unavailable",
    552: "552 5.3.4 Message size exceeds fixed maximum message size",
    554: "554 5.7.1 Transaction failed",
}


def reply_text(code: int) -> str:
    """Return a full SMTP reply line for code."""
    if code in _TEXTS:
        return _TEXTS[code]
    klass = "4" if 400 <= code < 500 else "5"
    return f"{code} {klass}.0.0 Injected failure"


@dataclass
class _Pending:
    code: int
    remaining: int
    stage: str


@dataclass
class FaultPlan:
    """Faults the server applies, consumed as transactions arrive."""

    _pending: list[_Pending] = field(default_factory=list)
    _recipients: dict[str, int] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def fail_next(self, code: int, count: int = 1, stage: str = "data") -> None:
        """Answer code to the next count transactions, at AUTH, MAIL FROM or end of DATA."""
        if stage not in STAGES:
            raise ValueError(f"stage must be one of {STAGES}, not {stage!r}")
        if not 400 <= code < 600:
            raise ValueError(f"an SMTP failure code is 4xx or 5xx, not {code}")
        with self._lock:
            self._pending.append(_Pending(code, count, stage))

    def fail_recipient(self, address: str, code: int) -> None:
        """Answer code to every RCPT TO for address (case-insensitive) until cleared."""
        with self._lock:
            self._recipients[address.lower()] = code

    def clear(self) -> None:
        with self._lock:
            self._pending.clear()
            self._recipients.clear()

    def take(self, stage: str) -> int | None:
        """Consume one pending transaction fault for stage; return its code, if any."""
        with self._lock:
            for pending in self._pending:
                if pending.stage == stage and pending.remaining > 0:
                    pending.remaining -= 1
                    return pending.code
        return None

    def for_recipient(self, address: str) -> int | None:
        with self._lock:
            return self._recipients.get(address.lower())
