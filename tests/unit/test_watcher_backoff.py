"""The watcher outlives refused logins and unreachable servers: it backs off, records the
failure for `assistant status` and the metrics, and picks mail up once the login works.

The mailbox is a local Maildir behind a refusing front (handed to the watcher through its
``opener`` argument); tests/integration/test_imap_login_backoff.py does the same with Dovecot.
"""

from __future__ import annotations

import mailbox
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from pathlib import Path

import pytest
from prometheus_client import REGISTRY

from assistant.app import App, build_app
from assistant.errors import ConfigurationError, MailboxError
from assistant.mail.inbox import LoginRefused
from assistant.mail.maildir import MaildirInbox
from assistant.operator import status
from assistant.pipeline.watch import Watcher
from assistant.settings import ServerURL, Settings
from assistant.store.db import upgrade

NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


class RefusingInbox(MaildirInbox):
    """A Maildir whose ``open`` fails the way a server does, ``failures`` times."""

    def __init__(self, path: str, failures: list[Exception]) -> None:
        super().__init__(path)
        self._failures = failures

    def open(self) -> int | None:
        if self._failures:
            raise self._failures.pop(0)
        return super().open()


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path),
                                  "ASSISTANT_INBOX_RETRY_SECONDS": "0.05",
                                  "ASSISTANT_INBOX_RETRY_MAX_SECONDS": "0.2"})
    upgrade(settings.database_url)
    application = build_app(settings, clock=lambda: NOW)
    yield application
    application.close()


def _inbox_path(app: App) -> str:
    return ServerURL.parse(app.settings.inbox_url).path


def _note(subject: str) -> bytes:
    message = EmailMessage()
    message["From"] = "Sam <sam@example.com>"
    message["To"] = "assistant@localhost"
    message["Subject"] = subject
    message.set_content("Met Jane Doe <jane@acme.example>.\n")
    return message.as_bytes()


def _metric(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def _start(watcher: Watcher) -> threading.Thread:
    thread = threading.Thread(target=watcher.run, daemon=True)
    thread.start()
    return thread


def test_refused_logins_back_off_are_reported_and_mail_flows_once_accepted(app: App) -> None:
    # Given a mailbox holding a note, whose server refuses the login twice, then is
    # unreachable once, then accepts
    path = _inbox_path(app)
    mailbox.Maildir(path, create=True).add(_note("Met Jane"))
    failures: list[Exception] = [LoginRefused("IMAP login refused: [AUTHENTICATIONFAILED]"),
                                 LoginRefused("IMAP login refused: [AUTHENTICATIONFAILED]"),
                                 MailboxError("IMAP connect failed: Connection refused")]
    refused_before = _metric("assistant_imap_login_failures_total", reason="refused")
    unreachable_before = _metric("assistant_imap_login_failures_total", reason="unreachable")
    stored: list[int] = []
    stop = threading.Event()
    watcher = Watcher(app, stored.extend, stop,
                      opener=lambda: RefusingInbox(path, failures), draw=lambda: 0.0)
    # When the watcher runs
    thread = _start(watcher)
    try:
        # Then it stays alive through the failures and stores the note once let in
        assert wait_for(lambda: len(stored) == 1, timeout=10)
        assert thread.is_alive()
    finally:
        stop.set()
        thread.join(timeout=5)
    # And each failed login was counted, by reason, and the wait is back to none
    assert _metric("assistant_imap_login_failures_total", reason="refused") - refused_before == 2
    assert _metric("assistant_imap_login_failures_total",
                   reason="unreachable") - unreachable_before == 1
    assert _metric("assistant_imap_backoff_seconds") == 0.0
    # And status says the mailbox is connected, the last error kept for the record
    report = status.gather(app.settings, app.engine)
    assert report.mailbox is not None
    assert (report.mailbox.consecutive_failures, report.mailbox.connected_at,
            report.mailbox.next_attempt_at) == (0, NOW, None)
    assert report.mailbox.last_error == "IMAP connect failed: Connection refused"
    assert "Mailbox: connected 2026-12-01 09:00 UTC" in status.render(report, NOW)


def test_a_refused_login_is_shown_by_status_with_the_next_attempt(app: App) -> None:
    # Given a server that refuses every login, and a long wait between attempts
    app.settings = _with(app.settings, inbox_retry_seconds=600.0, inbox_retry_max_seconds=900.0)
    path = _inbox_path(app)
    failures: list[Exception] = [LoginRefused("IMAP login refused: [AUTHENTICATIONFAILED] "
                                              "Authentication failed.")] * 100
    stop = threading.Event()
    watcher = Watcher(app, lambda ids: None, stop,
                      opener=lambda: RefusingInbox(path, failures), draw=lambda: 0.0)
    # When the watcher has failed once and waits
    thread = _start(watcher)
    try:
        assert wait_for(lambda: _mailbox(app) is not None, timeout=10)
        # Then status reports the failure, its count, and when the next attempt comes
        report = status.gather(app.settings, app.engine)
        assert report.mailbox is not None
        assert report.mailbox.consecutive_failures == 1
        assert report.mailbox.next_attempt_at == NOW + timedelta(seconds=300)
        text = status.render(report, NOW + timedelta(seconds=60))
        assert ("Mailbox: NOT CONNECTED, 1 failed attempt(s) in a row, the last "
                "2026-12-01 09:00 UTC (1 min ago): IMAP login refused: [AUTHENTICATIONFAILED] "
                "Authentication failed.") in text
        assert "next attempt 2026-12-01 09:05 UTC (in 4 min)" in text
        assert report.to_json()["mailbox"] == {
            "name": _identity(app), "consecutive_failures": 1,
            "last_error": "IMAP login refused: [AUTHENTICATIONFAILED] Authentication failed.",
            "last_failure_at": "2026-12-01T09:00:00+00:00",
            "next_attempt_at": "2026-12-01T09:05:00+00:00", "connected_at": None}
        assert _metric("assistant_imap_backoff_seconds") == 300.0
        # And a stop ends the wait at once
        assert thread.is_alive()
        stop.set()
        thread.join(timeout=2)
        assert not thread.is_alive()
    finally:
        stop.set()


def test_settings_that_cannot_work_still_end_the_watcher(app: App) -> None:
    # Given an inbox whose settings are wrong before any login is tried
    path = _inbox_path(app)
    failures: list[Exception] = [ConfigurationError("ASSISTANT_INBOX_URL needs a user")]
    watcher = Watcher(app, lambda ids: None, threading.Event(),
                      opener=lambda: RefusingInbox(path, failures))
    # When it runs, Then it stops with the error (no login was attempted: nothing to protect)
    with pytest.raises(ConfigurationError):
        watcher.run()


def test_status_before_any_watcher_says_so(app: App) -> None:
    report = status.gather(app.settings, app.engine)
    assert report.mailbox is None
    assert "Mailbox: no watcher has connected yet" in status.render(report, NOW)


def _mailbox(app: App) -> object:
    return status.gather(app.settings, app.engine).mailbox


def _identity(app: App) -> str:
    return MaildirInbox(_inbox_path(app)).identity


def _with(settings: Settings, **changes: object) -> Settings:
    return replace(settings, **changes)  # type: ignore[arg-type]


def wait_for(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.02)
    return condition()
