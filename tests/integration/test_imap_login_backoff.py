"""A wrong IMAP password on the real Dovecot: the watcher stays up, backs off, says so in
`assistant status --json` and the metrics, and fetches the mail once the password is right."""

from __future__ import annotations

import json
import threading
from datetime import datetime
from pathlib import Path

from click.testing import CliRunner
from prometheus_client import REGISTRY

from assistant.app import build_app
from assistant.backoff import backoff_delay
from assistant.cli import main
from assistant.mail.inbox import Inbox, open_inbox
from assistant.pipeline.watch import Watcher
from assistant.settings import Settings
from assistant.store.db import upgrade
from tests.integration.helpers import counts, fresh_mailboxes, note, wait_for

BASE, CAP = 0.5, 2.0


def _status(env: dict[str, str]) -> dict:  # type: ignore[type-arg]
    result = CliRunner().invoke(main, ["status", "--json"], env=env)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _refused() -> float:
    return REGISTRY.get_sample_value("assistant_imap_login_failures_total",
                                     {"reason": "refused"}) or 0.0


def test_a_wrong_password_backs_off_until_it_is_fixed(dovecot, tmp_path: Path) -> None:  # noqa: ANN001
    # Given a note waiting in the assistant's mailbox and settings with a wrong password
    boxes = fresh_mailboxes()
    dovecot.append(boxes.assistant, "INBOX", note(boxes.owner, boxes.assistant, "Met Jane",
                                                  "Met Jane Doe <jane@acme.example>.\n"))
    env = {"ASSISTANT_DATABASE_URL": f"sqlite:///{tmp_path / 'assistant.db'}",
           "ASSISTANT_INBOX_URL": dovecot.imap_url(boxes.assistant),
           "ASSISTANT_INBOX_PASSWORD": "not-the-password",
           "ASSISTANT_TLS_CA_FILE": str(dovecot.cafile),
           "ASSISTANT_ADDRESS": boxes.assistant, "ASSISTANT_SECRET_KEY": "k",
           "ASSISTANT_VAR_DIR": str(tmp_path / "var"),
           "ASSISTANT_INBOX_RETRY_SECONDS": str(BASE),
           "ASSISTANT_INBOX_RETRY_MAX_SECONDS": str(CAP)}
    wrong = Settings.from_env(env)
    upgrade(wrong.database_url)
    app = build_app(wrong)
    # (the operator's fix, as the watcher's next login will see it)
    current = {"settings": wrong}

    def opener() -> Inbox:
        return open_inbox(current["settings"])

    stored: list[int] = []
    stop = threading.Event()
    watcher = Watcher(app, stored.extend, stop, opener=opener, draw=lambda: 0.0)
    refused_before = _refused()
    # When the watcher runs
    thread = threading.Thread(target=watcher.run, daemon=True)
    thread.start()
    try:
        # Then it keeps running through refused logins, each counted
        assert wait_for(lambda: _refused() - refused_before >= 2, timeout=30)
        assert thread.is_alive()
        # And `assistant status --json` reports the failure and when it tries again, the wait
        # doubling with each failure in a row
        mailbox = _status(env)["mailbox"]
        failures = mailbox["consecutive_failures"]
        assert failures >= 2
        assert mailbox["last_error"].startswith("IMAP login refused: [AUTHENTICATIONFAILED]")
        assert mailbox["connected_at"] is None
        waited = (datetime.fromisoformat(mailbox["next_attempt_at"])
                  - datetime.fromisoformat(mailbox["last_failure_at"])).total_seconds()
        assert waited == backoff_delay(failures, base=BASE, cap=CAP, draw=0.0)
        assert "not-the-password" not in json.dumps(mailbox)
        # When the password is put right
        current["settings"] = Settings.from_env({**env,
                                                 "ASSISTANT_INBOX_PASSWORD": dovecot.password})
        # Then the next attempt logs in and the note is stored for processing
        assert wait_for(lambda: len(stored) == 1, timeout=30)
        assert counts(env["ASSISTANT_DATABASE_URL"]).inbound == 1
        # And status shows the mailbox connected again
        mailbox = _status(env)["mailbox"]
        assert mailbox["consecutive_failures"] == 0 and mailbox["connected_at"] is not None
        assert mailbox["next_attempt_at"] is None
    finally:
        stop.set()
        thread.join(timeout=30)
        app.close()
    assert not thread.is_alive()
