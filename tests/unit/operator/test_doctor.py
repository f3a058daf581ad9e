"""doctor's wording and verdicts that need no server: failures, rendering, owner auth, clock."""

from __future__ import annotations

import json
import socket
import ssl
from datetime import UTC, datetime

import pytest

from assistant.operator.checks import FAIL, OK, SKIP, WARN, CheckResult, connect_failure, fail, ok
from assistant.operator.doctor import check_clock, check_owner_auth, render, run_checks
from assistant.settings import Settings


def _wrapped(cause: BaseException) -> Exception:
    """An error raised ``from`` a lower one, as aiosmtplib raises SMTPConnectError."""
    try:
        try:
            raise cause
        except BaseException as inner:
            raise ConnectionError("wrapper") from inner
    except ConnectionError as outer:
        return outer


@pytest.mark.parametrize(("cause", "message"), [
    (ConnectionRefusedError(111, "refused"), "IMAP connection refused at mail.example:993"),
    (socket.gaierror(-2, "Name or service not known"), "IMAP host not found: mail.example"),
    (TimeoutError(), "IMAP no answer from mail.example:993 (timed out)"),
])
def test_connect_failures_name_the_problem(cause: BaseException, message: str) -> None:
    for exc in (cause, _wrapped(cause)):
        result = connect_failure("imap.connect", "IMAP", "mail.example:993", exc,
                                 "ASSISTANT_INBOX_URL")
        assert (result.status, result.message) == (FAIL, message)
        assert "ASSISTANT_INBOX_URL" in result.hint


def test_untrusted_certificate_points_at_the_ca_setting() -> None:
    error = ssl.SSLCertVerificationError(1, "certificate verify failed")
    error.verify_message = "self-signed certificate"
    result = connect_failure("imap.connect", "IMAP", "h:993", error, "ASSISTANT_INBOX_URL")
    assert result.message == "IMAP TLS certificate not trusted at h:993: self-signed certificate"
    assert "ASSISTANT_TLS_CA_FILE" in result.hint


def test_render_text_and_json() -> None:
    # Given one passing and one failing check
    results = [ok("redis", "Redis answers PING at h:6379"),
               fail("imap.login", "IMAP login refused for a@b: check ASSISTANT_INBOX_PASSWORD",
                    "use an app password")]
    # Then the text has a line each, the hint under the failure, and a count
    assert render(results, as_json=False).splitlines() == [
        "✓ Redis answers PING at h:6379",
        "✗ IMAP login refused for a@b: check ASSISTANT_INBOX_PASSWORD",
        "    fix: use an app password", "", "1 problem(s) found"]
    data = json.loads(render(results, as_json=True))
    assert data["ok"] is False and data["checks"][1]["status"] == FAIL


def _settings(**env: str) -> Settings:
    base = {"ASSISTANT_SECRET_KEY": "k", "ASSISTANT_ADDRESS": "assistant@example.com",
            "ASSISTANT_INBOX_URL": "imaps://a%40example.com@imap.example.com/INBOX"}
    return Settings.from_env(base | env)


def test_owner_auth_verdicts() -> None:
    settings = _settings()
    if not hasattr(settings, "owner_auth"):
        pytest.skip("this build does not authenticate owner mail")
    assert check_owner_auth(settings)[0].status == WARN
    assert check_owner_auth(_settings(ASSISTANT_TRUSTED_AUTHSERV_IDS="mx.google.com"))[0] \
        .status == OK
    assert check_owner_auth(_settings(ASSISTANT_OWNER_AUTH="local"))[0].status == WARN
    assert check_owner_auth(_settings(ASSISTANT_INBOX_URL="maildir:///tmp/x"))[0].status == OK


def test_clock_reports_time_zone_data() -> None:
    result = check_clock(datetime(2026, 3, 29, 1, 30, tzinfo=UTC))[0]
    assert result == CheckResult("clock", OK, "time zone data loads; now 2026-03-29 01:30 UTC")


def test_embedded_defaults_skip_mail_servers(tmp_path) -> None:  # noqa: ANN001
    # Given Maildir inbox and outbox and no database yet
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path), "ASSISTANT_SECRET_KEY": "k",
                                  "ASSISTANT_ADDRESS": "assistant@example.com"})
    results = {r.name: r for r in run_checks(settings, timeout=1)}
    # Then nothing tries IMAP/SMTP; the database says how to create it; Redis is skipped
    assert results["inbox"].status == WARN and results["smtp"].status == WARN
    assert results["redis"].status == SKIP
    assert results["database"].message.startswith("no database file at ")
