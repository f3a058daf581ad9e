"""`assistant init` can link the first owner's own mailbox; its secret goes to .env."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main
from assistant.store import linked
from assistant.store.db import make_engine, session_factory, transaction
from tests.unit.operator.test_init import CLEAN_ENV, _sourced

TYPED = ["assistant@fastmail.com", "", "app-password", "", "", "", "",
         "Ada Lovelace <ada@fastmail.com>", "Europe/Berlin", "DE"]


def test_init_links_the_owners_mailbox_when_asked(tmp_path: Path) -> None:
    # Given the usual answers, then "yes" to linking, the defaults, and Ada's app password
    answers = [*TYPED, "y", "", "", "", "ada-own-secret"]
    result = CliRunner(env=CLEAN_ENV).invoke(
        main, ["init", "--env-file", str(tmp_path / ".env")], input="\n".join(answers) + "\n")
    # Then the owner is linked to Fastmail's servers and the secret is in .env, never shown
    assert result.exit_code == 0, result.output
    values = _sourced(tmp_path / ".env")
    assert values["ASSISTANT_OWNER_1_PASSWORD"] == "ada-own-secret"
    assert "ada-own-secret" not in result.output
    engine = make_engine(values["ASSISTANT_DATABASE_URL"])
    try:
        with transaction(session_factory(engine)) as session:
            box = linked.linked_for(session, 1)
    finally:
        engine.dispose()
    assert box is not None and box.address == "ada@fastmail.com"
    assert box.smtp_url == "smtps://ada%40fastmail.com@smtp.fastmail.com:465"


def test_init_without_an_answer_keeps_relay_mode(tmp_path: Path) -> None:
    result = CliRunner(env=CLEAN_ENV).invoke(
        main, ["init", "--env-file", str(tmp_path / ".env")], input="\n".join(TYPED) + "\n")
    assert result.exit_code == 0, result.output
    assert "ASSISTANT_OWNER_1_PASSWORD" not in _sourced(tmp_path / ".env")
