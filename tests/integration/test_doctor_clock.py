"""`assistant doctor` compares this machine's clock with the real Dovecot's, read from the
INTERNALDATE of a probe message that is expunged at once."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from assistant.clock import system_clock
from assistant.operator.checks import FAIL, OK, CheckResult
from assistant.operator.doctor import render, run_checks
from assistant.operator.doctor_mail import check_inbox
from assistant.settings import Settings
from tests.integration.helpers import fresh_mailboxes, note


@pytest.fixture
def settings(dovecot, tmp_path: Path) -> Settings:  # noqa: ANN001
    boxes = fresh_mailboxes()
    # (mail already waiting for the watcher, which the check must leave alone)
    dovecot.append(boxes.assistant, "INBOX", note(boxes.owner, boxes.assistant, "Met Jane",
                                                  "Met Jane Doe <jane@acme.example>.\n"))
    return Settings.from_env({"ASSISTANT_INBOX_URL": dovecot.imap_url(boxes.assistant),
                              "ASSISTANT_INBOX_PASSWORD": dovecot.password,
                              "ASSISTANT_TLS_CA_FILE": str(dovecot.cafile),
                              "ASSISTANT_ADDRESS": boxes.assistant,
                              "ASSISTANT_SECRET_KEY": "k",
                              "ASSISTANT_VAR_DIR": str(tmp_path / "var")})


def _clock_result(results: list[CheckResult]) -> CheckResult:
    [result] = [r for r in results if r.name == "clock.server"]
    return result


def test_a_clock_in_step_with_the_server_passes(dovecot, settings: Settings) -> None:  # noqa: ANN001
    # Given this machine's clock, which the loopback Dovecot shares
    # When doctor checks the mailbox
    result = _clock_result(check_inbox(settings, timeout=5, fix=False, clock=system_clock))
    # Then the clocks agree within a second or two (INTERNALDATE has whole seconds)
    assert result.status == OK, result
    assert result.message in {f"clock agrees with the IMAP server's ({n} s apart)"
                              for n in (0, 1, 2)}
    # And the probe is gone: only the waiting note is left, untouched
    user = settings.assistant_address
    messages = dovecot.messages(user, "INBOX")
    assert len(messages) == 1 and b"Subject: Met Jane" in messages[0]


def test_a_clock_an_hour_off_fails_with_the_fix(dovecot, settings: Settings) -> None:  # noqa: ANN001
    # Given the assistant's clock an hour ahead of the server's
    def ahead():  # type: ignore[no-untyped-def]
        return system_clock() + timedelta(hours=1)

    # When the whole doctor runs with it
    results = run_checks(settings, timeout=5, clock=ahead)
    # Then the clock check fails, saying by how much and how to fix it
    result = _clock_result(results)
    assert result.status == FAIL
    assert result.message == "the IMAP server's clock and this machine's differ by 60 min"
    assert "timedatectl set-ntp true" in render([result], as_json=False)
    # And the probe is gone from the mailbox
    assert len(dovecot.messages(settings.assistant_address, "INBOX")) == 1
