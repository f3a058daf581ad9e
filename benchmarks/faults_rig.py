"""Servers and assistant processes for the fault-injection run, all private and all stopped.

One Dovecot, one SMTP server and one Redis (the test harness's, on free loopback ports) serve
the whole run; each trial gets its own mailbox addresses and its own database. The PostgreSQL
that trials break is a private cluster (``initdb`` + ``pg_ctl`` as the ``postgres`` user, on a
free port, under a temporary directory): the machine's shared server is never touched.
"""

from __future__ import annotations

import glob
import logging
import multiprocessing
import os
import shutil
import signal
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.context import ForkServerContext
from multiprocessing.process import BaseProcess
from pathlib import Path

import psycopg
from psycopg import sql

from assistant.store.db import upgrade
from benchmarks import faults_child
from tests.harness import Dovecot, RedisServer, ServerUnavailable, SmtpServer
from tests.harness._support import free_port

log = logging.getLogger(__name__)

PG_USER = "postgres"


class PrivatePostgres:
    """A throw-away PostgreSQL cluster on a free loopback port, trust auth, no fsync."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.port = free_port()
        self._bin = _pg_bin()

    def start(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        for parent in (self.directory.parent, *self.directory.parent.parents):
            if parent.stat().st_mode & 0o001 == 0:  # let the postgres user traverse
                parent.chmod(parent.stat().st_mode | 0o711)
        shutil.chown(self.directory, PG_USER, PG_USER)
        self._as_postgres(["initdb", "-A", "trust", "-U", PG_USER, "-D", self._data])
        self._ctl("start", "-w", "-o", self._options(), "-l", self._log)

    def stop(self) -> None:
        self._ctl("stop", "-m", "immediate", check=False)

    def restart(self) -> None:
        """An outage: every connection dropped, the server away for a moment, then back."""
        # -l: the server must not inherit this call's pipes, or the call never returns.
        self._ctl("restart", "-m", "fast", "-w", "-o", self._options(), "-l", self._log)

    def terminate_backends(self, database: str) -> int:
        """pg_terminate_backend on every connection to ``database`` but this one."""
        with self._admin() as conn:
            rows = conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                "WHERE datname = %s AND pid <> pg_backend_pid()",
                                (database,)).fetchall()
        return len(rows)

    def url(self, name: str) -> str:
        return f"postgresql+psycopg://{PG_USER}@127.0.0.1:{self.port}/{name}"

    def create_from(self, template: str, name: str) -> str:
        with self._admin() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                sql.Identifier(name), sql.Identifier(template)))
        return self.url(name)

    def create(self, name: str) -> str:
        with self._admin() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return self.url(name)

    @property
    def _log(self) -> str:
        return str(self.directory / "pg.log")

    @property
    def _data(self) -> str:
        return str(self.directory / "data")

    def _options(self) -> str:
        return (f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.directory} "
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off")

    def _admin(self) -> psycopg.Connection:
        return psycopg.connect(host="127.0.0.1", port=self.port, user=PG_USER,
                               dbname="postgres", autocommit=True, connect_timeout=5)

    def _ctl(self, *args: str, check: bool = True) -> None:
        self._as_postgres(["pg_ctl", "-D", self._data, *args], check=check)

    def _as_postgres(self, command: list[str], check: bool = True) -> None:
        full = [str(Path(self._bin) / command[0]), *command[1:]]
        if os.geteuid() == 0:
            full = ["runuser", "-u", PG_USER, "--", *full]
        result = subprocess.run(full, capture_output=True, text=True, timeout=120)
        if check and result.returncode != 0:
            raise ServerUnavailable(f"{command[0]} failed: {result.stderr.strip()[-500:]}")


def _pg_bin() -> str:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise ServerUnavailable("no PostgreSQL binaries under /usr/lib/postgresql/*/bin")
    return str(Path(found[-1]).parent)


@dataclass
class Child:
    """One assistant process (a role of it) in a trial."""

    role: str
    process: BaseProcess

    @property
    def alive(self) -> bool:
        return self.process.is_alive()

    def kill(self) -> None:
        if self.process.is_alive() and self.process.pid:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.join(10)

    def stop(self, timeout: float = 5.0) -> None:
        if self.process.is_alive() and self.process.pid:
            os.kill(self.process.pid, signal.SIGTERM)
            self.process.join(timeout)
        self.kill()

    def wait(self, timeout: float) -> int | None:
        self.process.join(timeout)
        return self.process.exitcode


@dataclass
class Rig:
    root: Path
    dovecot: Dovecot
    smtp: SmtpServer
    redis: RedisServer
    postgres: PrivatePostgres | None
    context: ForkServerContext
    sqlite_template: Path
    pg_template: str | None = None
    children: list[Child] = field(default_factory=list)

    def spawn(self, role: str, env: dict[str, str], log_path: Path) -> Child:
        process = self.context.Process(target=faults_child.serve, daemon=True,
                                       args=(role, env, str(log_path)), name=role)
        process.start()
        child = Child(role, process)
        self.children.append(child)
        return child

    def sqlite_database(self, path: Path) -> str:
        shutil.copyfile(self.sqlite_template, path)
        return f"sqlite:///{path}"

    def postgres_database(self, name: str) -> str:
        assert self.postgres is not None and self.pg_template is not None
        return self.postgres.create_from(self.pg_template, name)


@contextmanager
def running_rig(root: Path, with_postgres: bool = True) -> Iterator[Rig]:
    """Start everything (fork server first, while this process has no threads yet)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(faults_child.PRELOAD)
    context.Process(target=time.sleep, args=(0,)).start()  # the fork server starts now
    dovecot = Dovecot.start(root / "dovecot")
    smtp = redis = postgres = None
    try:
        smtp = SmtpServer.start(dovecot, root / "smtp")
        redis = RedisServer.start(root / "redis")
        postgres = _start_postgres(root / "pg") if with_postgres else None
        rig = Rig(root, dovecot, smtp, redis, postgres, context, _sqlite_template(root))
        if postgres is not None:
            rig.pg_template = "faults_template"
            upgrade(postgres.create(rig.pg_template))
        yield rig
    finally:
        _stop_all(dovecot, smtp, redis, postgres, locals().get("rig"))


def _start_postgres(directory: Path) -> PrivatePostgres | None:
    try:
        server = PrivatePostgres(directory)
        server.start()
        return server
    except (ServerUnavailable, OSError, LookupError, subprocess.SubprocessError) as exc:
        log.warning("private PostgreSQL unavailable, its trials run on SQLite: %s", exc)
        return None


def _sqlite_template(root: Path) -> Path:
    path = root / "template.db"
    url = f"sqlite:///{path}"
    upgrade(url)
    with sqlite3.connect(path) as conn:  # one self-contained file, safe to copy
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    return path


def _stop_all(dovecot, smtp, redis, postgres, rig) -> None:  # type: ignore[no-untyped-def]
    for child in rig.children if rig is not None else ():
        child.kill()
    for server in (smtp, redis, postgres, dovecot):
        if server is not None:
            server.stop()
