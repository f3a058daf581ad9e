"""`assistant doctor` checks a linked owner's own mailbox on the real servers."""

from __future__ import annotations

from pathlib import Path

from assistant.operator.checks import FAIL, OK
from assistant.operator.doctor import run_checks
from assistant.settings import Settings
from tests.integration.helpers import fresh_mailboxes, register_linked_owner, server_env


def _linked_env(dovecot, smtp_server, tmp_path: Path, password: str | None):  # noqa: ANN001, ANN202
    boxes = fresh_mailboxes()
    database_url = f"sqlite:///{tmp_path / 'assistant.db'}"
    owner_id = register_linked_owner(database_url, dovecot, smtp_server, boxes.owner)
    env = server_env(dovecot, smtp_server, boxes, database_url, None, tmp_path)
    if password is not None:
        env[f"ASSISTANT_OWNER_{owner_id}_PASSWORD"] = password
    return env


def test_a_linked_mailbox_is_logged_into_both_ways(dovecot, smtp_server, tmp_path):
    # Given a linked owner with the right secret
    env = _linked_env(dovecot, smtp_server, tmp_path, dovecot.password)
    # When doctor runs; Then IMAP (with its Sent folder) and submission both pass
    results = [r for r in run_checks(Settings.from_env(env)) if r.name.startswith("linked:")]
    assert [r.status for r in results] == [OK, OK], results
    assert "Sent is 'Sent'" in results[0].message and "submission login" in results[1].message


def test_a_wrong_or_missing_secret_is_named(dovecot, smtp_server, tmp_path):
    wrong = _linked_env(dovecot, smtp_server, tmp_path / "a", "not-the-password")
    results = [r for r in run_checks(Settings.from_env(wrong)) if r.name.startswith("linked:")]
    assert [r.status for r in results] == [FAIL, FAIL], results
    assert "not-the-password" not in " ".join(r.message + r.hint for r in results)
    missing = _linked_env(dovecot, smtp_server, tmp_path / "b", None)
    results = [r for r in run_checks(Settings.from_env(missing)) if r.name.startswith("linked:")]
    assert [r.status for r in results] == [FAIL] and "no secret is set" in results[0].message
