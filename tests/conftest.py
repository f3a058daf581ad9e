"""Shared fixtures: the real loopback servers of tests/harness (read its docstring first)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn, TypeVar

import pytest
from hypothesis import settings as hypothesis_settings

from tests.harness import Dovecot, Postgres, RedisServer, ServerUnavailable, SmtpServer

T = TypeVar("T")

# Under CI the property tests draw the same examples every run, so a red build always has a
# cause in the change being built; developers' runs keep exploring new examples.
hypothesis_settings.register_profile("ci", derandomize=True)
if os.environ.get("CI") == "true":
    hypothesis_settings.load_profile("ci")

# Fixtures that need a real server; a test using any of them is marked `servers`.
SERVER_FIXTURES = frozenset(
    {"dovecot", "smtp_server", "redis_server", "postgres_server", "redis_url", "postgres_url",
     "faults_reset"}
)
# Parametrized fixtures whose value names a server only for some parameters.
SERVER_PARAMS = {"database_url": "postgresql", "broker_kind": "redis"}


def _unavailable(reason: str) -> NoReturn:
    """Skip on a developer machine, fail under CI=true: CI must not pass by skipping."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: failing instead of skipping)", pytrace=False)
    pytest.skip(reason)


def _start(what: str, starter: Callable[[], T]) -> T:
    try:
        return starter()
    except ServerUnavailable as error:
        _unavailable(f"{what} unavailable: {error}")


def pytest_configure(config: pytest.Config) -> None:
    # aiosmtpd warns when AUTH is required without STARTTLS; on the SMTPS listener the whole
    # connection is TLS, so the warning does not apply.
    config.addinivalue_line(
        "filterwarnings", "ignore:Requiring AUTH while not requiring TLS:UserWarning"
    )


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # tryfirst: the marker must exist before `-m "not servers"` deselects.
    for item in items:
        if _needs_servers(item):
            item.add_marker(pytest.mark.servers)


def _needs_servers(item: pytest.Item) -> bool:
    names = set(getattr(item, "fixturenames", ()))
    if names & SERVER_FIXTURES:
        return True
    params = getattr(getattr(item, "callspec", None), "params", {})
    return any(params.get(name) == value for name, value in SERVER_PARAMS.items())


# -- session-scoped servers ----------------------------------------------------------------


@pytest.fixture(scope="session")
def dovecot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dovecot]:
    """A private Dovecot: IMAP (STARTTLS), IMAPS and LMTP on loopback."""
    server = _start("Dovecot", lambda: Dovecot.start(tmp_path_factory.mktemp("dovecot")))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def smtp_server(
    dovecot: Dovecot, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SmtpServer]:
    """A loopback SMTP server (plain+STARTTLS, SMTPS) delivering into dovecot by LMTP."""
    server = _start("SMTP", lambda: SmtpServer.start(dovecot, tmp_path_factory.mktemp("smtp")))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """A private redis-server on a free loopback port."""
    server = _start("Redis", lambda: RedisServer.start(tmp_path_factory.mktemp("redis")))
    yield server
    server.stop()


@pytest.fixture(scope="session")
def postgres_server() -> Postgres:
    """The machine's PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth)."""
    return _start("PostgreSQL", Postgres.connect)


# -- per-test resources --------------------------------------------------------------------


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    """The private Redis, emptied before the test."""
    redis_server.flush()
    return redis_server.url


@pytest.fixture
def postgres_url(postgres_server: Postgres) -> Iterator[str]:
    """A fresh, uniquely named PostgreSQL database, dropped after the test."""
    with postgres_server.fresh_database() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Run the test on SQLite (a file under tmp_path) and on a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'assistant.db'}"
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture(params=["inprocess", "redis"])
def broker_kind(request: pytest.FixtureRequest) -> str:
    """Run the test with Dramatiq's in-process broker and with Redis."""
    return str(request.param)


@pytest.fixture
def broker_url(broker_kind: str, request: pytest.FixtureRequest) -> str | None:
    """None for the in-process broker, else the flushed private Redis URL."""
    if broker_kind == "inprocess":
        return None
    return str(request.getfixturevalue("redis_url"))


@pytest.fixture
def faults_reset(smtp_server: SmtpServer) -> Iterator[SmtpServer]:
    """Clear SMTP faults after the test (and before, in case one leaked)."""
    smtp_server.clear_faults()
    yield smtp_server
    smtp_server.clear_faults()
