"""`assistant init`: answers validated, a private .env every reader takes literally, the
database migrated and the first owner registered."""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from assistant.cli import main
from assistant.operator import init as setup
from assistant.operator.init_command import QUESTIONS
from assistant.store.db import make_engine, session_factory, transaction
from assistant.store.owners import list_owners

CLEAN_ENV = {q.envvar: None for q in QUESTIONS} | {"ASSISTANT_SECRET_KEY": None}
PASSWORD = "p@ss w'rd $HOME \"x\" \\"


def _flags(tmp_path: Path) -> list[str]:
    return ["--address", "assistant@example.com",
            "--inbox-url", "imaps://assistant%40example.com@imap.example.com/INBOX",
            "--inbox-password", PASSWORD,
            "--smtp-url", "smtps://assistant%40example.com@smtp.example.com:465",
            "--database-url", f"sqlite:///{tmp_path / 'var' / 'assistant.db'}",
            "--owner", "Sam Rivera <Sam@Example.com>", "--timezone", "America/Chicago",
            "--region", "us"]


def _sourced(env_file: Path) -> dict[str, str]:
    """The variables a POSIX shell gets from `set -a; . ./.env; set +a`."""
    out = subprocess.run(["sh", "-c", f"set -a; . '{env_file}'; set +a; env -0"],
                         capture_output=True, check=True, env={}).stdout
    pairs = (item.split("=", 1) for item in out.decode().split("\0") if "=" in item)
    return {k: v for k, v in pairs if k.startswith("ASSISTANT_")}


def _owners(database_url: str) -> list:  # type: ignore[type-arg]
    engine = make_engine(database_url)
    try:
        with transaction(session_factory(engine)) as session:
            return list_owners(session)
    finally:
        engine.dispose()


def test_non_interactive_writes_env_migrates_and_registers(tmp_path: Path) -> None:
    # Given every answer as a flag, with a password full of shell metacharacters
    env_file = tmp_path / ".env"
    # When init runs non-interactively
    result = CliRunner(env=CLEAN_ENV).invoke(
        main, ["init", "--non-interactive", "--env-file", str(env_file), *_flags(tmp_path)])
    # Then it succeeds and the file is readable by its owner only
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
    # And a shell reads back exactly the values given, with a fresh secret key
    values = _sourced(env_file)
    assert values["ASSISTANT_INBOX_PASSWORD"] == PASSWORD
    assert values["ASSISTANT_SMTP_PASSWORD"] == PASSWORD  # defaults to the inbox's
    assert values["ASSISTANT_ADDRESS"] == "assistant@example.com"
    assert len(values["ASSISTANT_SECRET_KEY"]) >= 40
    assert "ASSISTANT_REDIS_URL" not in values
    # And the owner is registered in the migrated database
    owners = _owners(values["ASSISTANT_DATABASE_URL"])
    assert [(o.name, o.addresses, o.timezone, o.region) for o in owners] == [
        ("Sam Rivera", ("sam@example.com",), "America/Chicago", "US")]


def test_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    # Given an existing .env
    env_file = tmp_path / ".env"
    env_file.write_text("KEEP=1\n")
    # When init runs without --force
    result = CliRunner(env=CLEAN_ENV).invoke(
        main, ["init", "--non-interactive", "--env-file", str(env_file), *_flags(tmp_path)])
    # Then it stops and the file is untouched
    assert result.exit_code == 1
    assert "exists: pass --force" in result.output
    assert env_file.read_text() == "KEEP=1\n"


def test_force_overwrites_and_keeps_the_owner(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    runner = CliRunner(env=CLEAN_ENV)
    args = ["init", "--non-interactive", "--env-file", str(env_file), *_flags(tmp_path)]
    first = runner.invoke(main, args)
    # When init runs again with --force on the same database
    second = runner.invoke(main, [*args, "--force"])
    # Then the second run says the owner was already there
    assert first.exit_code == 0 and second.exit_code == 0, second.output
    assert "already registered" in second.output


def test_non_interactive_names_every_missing_answer(tmp_path: Path) -> None:
    # Given only the address
    result = CliRunner(env=CLEAN_ENV).invoke(
        main, ["init", "--non-interactive", "--env-file", str(tmp_path / ".env"),
               "--address", "assistant@example.com"])
    # Then it fails naming the flags and variables still needed (defaults fill the rest)
    assert result.exit_code == 2
    assert "--inbox-password (or ASSISTANT_INBOX_PASSWORD)" in result.output
    assert "--owner (or ASSISTANT_OWNER)" in result.output
    assert "--inbox-url" not in result.output  # derived from the address
    assert not (tmp_path / ".env").exists()


def test_non_interactive_reads_the_environment(tmp_path: Path) -> None:
    # Given the answers as variables
    env = dict(CLEAN_ENV, ASSISTANT_ADDRESS="bot@gmail.com", ASSISTANT_INBOX_PASSWORD="app-pw",
               ASSISTANT_OWNER="Kim Lee <kim@example.org>", ASSISTANT_OWNER_TIMEZONE="Asia/Seoul",
               ASSISTANT_OWNER_REGION="KR",
               ASSISTANT_DATABASE_URL=f"sqlite:///{tmp_path / 'a.db'}")
    result = CliRunner(env=env).invoke(main, ["init", "--non-interactive", "--env-file",
                                              str(tmp_path / ".env")])
    # Then Gmail's hosts are filled in from the address
    assert result.exit_code == 0, result.output
    values = _sourced(tmp_path / ".env")
    assert values["ASSISTANT_INBOX_URL"] == "imaps://bot%40gmail.com@imap.gmail.com/INBOX"
    assert values["ASSISTANT_SMTP_URL"] == "smtps://bot%40gmail.com@smtp.gmail.com:465"


def test_interactive_prompts_validate_and_ask_again(tmp_path: Path) -> None:
    # Given answers typed at the prompts, with a wrong time zone first
    answers = ["assistant@fastmail.com", "", "app-password", "", "", "", "", "Mars/Olympus",
               "Europe/Berlin", "DE"]
    answers.insert(7, "Ada Lovelace <ada@example.com>")
    result = CliRunner(env=CLEAN_ENV).invoke(
        main, ["init", "--env-file", str(tmp_path / ".env")],
        input="\n".join(answers) + "\n")
    # Then the wrong zone is refused with its reason and the next answer taken
    assert result.exit_code == 0, result.output
    assert "unknown time zone 'Mars/Olympus'" in result.output
    assert "Fastmail: use an app password" in result.output
    values = _sourced(tmp_path / ".env")
    assert values["ASSISTANT_INBOX_URL"].endswith("@imap.fastmail.com/INBOX")
    assert values["ASSISTANT_DATABASE_URL"] == setup.default_database_url(tmp_path)
    assert "app-password" not in result.output  # hidden input
    assert _owners(values["ASSISTANT_DATABASE_URL"])[0].timezone == "Europe/Berlin"


@pytest.mark.parametrize(("check", "value"), [
    (setup.check_inbox_url, "pop3://mail.example.com"),
    (setup.check_inbox_url, "imaps://u:secret@imap.example.com/INBOX"),
    (setup.check_smtp_url, "smtps://"),
    (setup.check_database_url, "mysql://db"),
    (setup.check_region, "XX"),
    (setup.check_owner, "not an address"),
    (setup.check_redis_url, "localhost:6379"),
])
def test_validators_refuse(check, value: str) -> None:  # noqa: ANN001
    with pytest.raises(click.BadParameter):
        check(value)


def test_maildir_urls_need_no_password() -> None:
    assert not setup.needs_password("maildir:///var/mail/assistant")
    assert setup.check_database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"


@pytest.mark.parametrize("value", ["plain", "a b", "it's", 'q"$`\\', "x=y&z"])
def test_env_quote_round_trips_through_sh(value: str) -> None:
    line = f"V={setup.env_quote(value)}"
    out = subprocess.run(["sh", "-c", f'{line}\nprintf %s "$V"'], capture_output=True,
                         check=True).stdout.decode()
    assert out == value
