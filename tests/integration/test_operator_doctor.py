"""`assistant doctor` against the real harness servers: each problem named exactly."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from assistant.clock import system_clock
from assistant.operator.checks import FAIL, OK
from assistant.operator.doctor import run_checks
from assistant.settings import Settings
from tests.harness import RedisServer
from tests.integration.helpers import fresh_mailboxes, register_owner, server_env


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def env(dovecot, smtp_server, redis_url, tmp_path: Path) -> dict[str, str]:  # noqa: ANN001
    boxes = fresh_mailboxes()
    database_url = f"sqlite:///{tmp_path / 'assistant.db'}"
    register_owner(database_url, boxes.owner, now=system_clock())
    return server_env(dovecot, smtp_server, boxes, database_url, redis_url, tmp_path,
                      smtp_kind="starttls")


def _by_name(results: list, name: str) -> list:  # type: ignore[type-arg]
    return [r for r in results if r.name == name]


def _failures(results: list) -> list[str]:  # type: ignore[type-arg]
    return [r.message for r in results if r.status == FAIL]


def test_healthy_setup_passes_every_check(env: dict[str, str]) -> None:
    # Given settings pointing at the harness Dovecot, SMTP (STARTTLS + AUTH), Redis and a db
    # When doctor runs with --fix (the processed/failed folders do not exist yet)
    results = run_checks(Settings.from_env(env), timeout=5, fix=True)
    # Then nothing fails and each area was checked
    assert _failures(results) == []
    names = {r.name for r in results if r.status == OK}
    assert {"imap.login", "imap.idle", "imap.move", "imap.folder", "imap.folders",
            "smtp.tls", "smtp.auth", "redis", "database", "migrations", "owners",
            "clock"} <= names


def test_wrong_imap_password_is_named(env: dict[str, str]) -> None:
    # Given a wrong inbox password
    env["ASSISTANT_INBOX_PASSWORD"] = "not-the-password"
    user = env["ASSISTANT_ADDRESS"]
    # When doctor runs
    results = run_checks(Settings.from_env(env), timeout=5)
    # Then the login line names the user and the variable to fix
    assert f"IMAP login refused for {user}: check ASSISTANT_INBOX_PASSWORD" in _failures(results)


def test_wrong_imap_port_is_named(env: dict[str, str], dovecot) -> None:  # noqa: ANN001
    # Given an inbox URL on a port where nothing listens
    port = _free_port()
    env["ASSISTANT_INBOX_URL"] = env["ASSISTANT_INBOX_URL"].replace(
        f":{dovecot.imap_port}/", f":{port}/")
    # When doctor runs
    results = run_checks(Settings.from_env(env), timeout=5)
    # Then the connection line says refused at host:port
    assert f"IMAP connection refused at 127.0.0.1:{port}" in _failures(results)


def test_wrong_smtp_port_is_named(env: dict[str, str], smtp_server) -> None:  # noqa: ANN001
    # Given an SMTP URL on a port where nothing listens
    port = _free_port()
    env["ASSISTANT_SMTP_URL"] = env["ASSISTANT_SMTP_URL"].replace(f":{smtp_server.port}",
                                                                  f":{port}")
    # When doctor runs
    results = run_checks(Settings.from_env(env), timeout=5)
    # Then the SMTP connection line says refused at host:port
    assert f"SMTP connection refused at 127.0.0.1:{port}" in _failures(results)


def test_wrong_smtp_password_is_named(env: dict[str, str]) -> None:
    # Given a wrong SMTP password
    env["ASSISTANT_SMTP_PASSWORD"] = "wrong"
    # When doctor runs
    results = run_checks(Settings.from_env(env), timeout=5)
    # Then the AUTH line names the user and the variable
    assert "SMTP login refused for assistant: check ASSISTANT_SMTP_PASSWORD" in \
        _failures(results)


def test_missing_inbox_folder_is_named(env: dict[str, str]) -> None:
    # Given an inbox URL naming a folder that does not exist
    env["ASSISTANT_INBOX_URL"] = env["ASSISTANT_INBOX_URL"].replace("/INBOX", "/Networking")
    # When doctor runs
    results = run_checks(Settings.from_env(env), timeout=5)
    # Then the folder line names the folder and the user
    assert (f"IMAP folder 'Networking' does not exist for {env['ASSISTANT_ADDRESS']}"
            in _failures(results))


def test_missing_work_folders_warn_without_fix(env: dict[str, str]) -> None:
    # Given a fresh mailbox without the processed/failed folders
    # When doctor runs without --fix
    results = run_checks(Settings.from_env(env), timeout=5)
    # Then they are warnings (the watcher creates them), not failures
    folders = _by_name(results, "imap.folders")
    assert [r.status for r in folders] == ["warn", "warn"]
    assert folders[0].message == "IMAP folder 'Assistant/Processed' is missing"


def test_stopped_redis_is_named(env: dict[str, str], tmp_path: Path) -> None:
    # Given a Redis that was running and has been stopped
    server = RedisServer.start(tmp_path / "redis")
    server.stop()
    env["ASSISTANT_REDIS_URL"] = server.url
    # When doctor runs
    results = run_checks(Settings.from_env(env), timeout=5)
    # Then the Redis line says unreachable at its host:port
    redis_line = _by_name(results, "redis")[0]
    assert redis_line.status == FAIL
    assert redis_line.message.startswith(f"Redis unreachable at 127.0.0.1:{server.port}")


def test_database_behind_and_no_owner(env: dict[str, str], tmp_path: Path) -> None:
    # Given a database with no schema and a file that does not exist
    env["ASSISTANT_DATABASE_URL"] = f"sqlite:///{tmp_path / 'missing.db'}"
    # When doctor runs
    results = run_checks(Settings.from_env(env), timeout=5)
    # Then it says the file is missing and skips the owner check
    assert f"no database file at {tmp_path / 'missing.db'}" in _failures(results)
    assert _by_name(results, "owners")[0].status == "skip"


def test_doctor_command_exit_status_and_json(env: dict[str, str]) -> None:
    from click.testing import CliRunner

    from assistant.cli import main

    # Given a wrong IMAP password
    env["ASSISTANT_INBOX_PASSWORD"] = "nope"
    # When `assistant doctor --json` runs
    result = CliRunner().invoke(main, ["doctor", "--json", "--timeout", "5"], env=env)
    # Then it exits 1 and the JSON names the failed check
    assert result.exit_code == 1, result.output
    data = json.loads(result.output)
    assert data["ok"] is False
    assert any(c["name"] == "imap.login" and c["status"] == "fail" for c in data["checks"])


def test_implicit_tls_urls_pass(env: dict[str, str], dovecot, smtp_server) -> None:  # noqa: ANN001
    # Given imaps:// and smtps:// URLs on the implicit-TLS ports
    env["ASSISTANT_INBOX_URL"] = dovecot.imap_url(env["ASSISTANT_ADDRESS"], tls="imaps")
    env["ASSISTANT_SMTP_URL"] = smtp_server.url("smtps")
    # When doctor runs
    results = run_checks(Settings.from_env(env), timeout=5, fix=True)
    # Then TLS is reported as implicit and nothing fails
    assert _failures(results) == []
    assert _by_name(results, "imap.tls")[0].message.startswith("IMAP TLS: implicit")
    assert _by_name(results, "smtp.tls")[0].message.startswith("SMTP TLS: implicit")


def test_ports_swapped_are_named(env: dict[str, str], dovecot, smtp_server) -> None:  # noqa: ANN001
    # Given the IMAP URL on the SMTP port and the SMTP URL on the IMAP port
    env["ASSISTANT_INBOX_URL"] = env["ASSISTANT_INBOX_URL"].replace(
        f":{dovecot.imap_port}/", f":{smtp_server.port}/")
    env["ASSISTANT_SMTP_URL"] = env["ASSISTANT_SMTP_URL"].replace(
        f":{smtp_server.port}", f":{dovecot.imap_port}")
    # When doctor runs
    results = run_checks(Settings.from_env(env), timeout=5)
    # Then both connection lines fail naming host:port, with no traceback
    imap, smtp = _by_name(results, "imap.connect")[0], _by_name(results, "smtp.connect")[0]
    assert imap.status == FAIL and f"127.0.0.1:{smtp_server.port}" in imap.message
    assert smtp.status == FAIL and f"127.0.0.1:{dovecot.imap_port}" in smtp.message
