"""Doctor's comparison of this machine's clock with the IMAP server's (pure)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from assistant.operator.checks import FAIL, OK, clock_skew

LOCAL = datetime(2026, 12, 1, 9, 0, 0, 600_000, tzinfo=UTC)


def test_a_second_apart_is_agreement() -> None:
    # Given a server time with whole seconds, in the server's own zone
    server = datetime(2026, 12, 1, 10, 0, 0, tzinfo=timezone(timedelta(hours=1)))
    # Then the clocks agree
    result = clock_skew(server, LOCAL)
    assert (result.status, result.message) == (OK, "clock agrees with the IMAP server's "
                                                   "(0 s apart)")


def test_five_minutes_is_the_limit() -> None:
    assert clock_skew(LOCAL + timedelta(minutes=5), LOCAL).status == OK
    late = clock_skew(LOCAL - timedelta(minutes=5, seconds=1), LOCAL)
    assert (late.status, late.message) == (
        FAIL, "the IMAP server's clock and this machine's differ by 5 min")
    assert late.hint.startswith("enable NTP on this machine (timedatectl set-ntp true)")


def test_large_differences_read_in_hours() -> None:
    result = clock_skew(LOCAL + timedelta(hours=7, minutes=30), LOCAL)
    assert result.message == "the IMAP server's clock and this machine's differ by 7.5 h"
