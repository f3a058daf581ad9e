"""Fresh, uniquely named databases on the machine's PostgreSQL (127.0.0.1:5432, trust auth)."""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import shutil
import subprocess
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
from psycopg import sql

from ._support import ServerUnavailable

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Postgres:
    """The server the test databases are created on; ``Postgres.connect()`` checks it."""

    host: str = "127.0.0.1"
    port: int = 5432
    user: str = "postgres"

    @classmethod
    def connect(cls, host: str = "127.0.0.1", port: int = 5432, user: str = "postgres") -> Postgres:
        """Return the server once it answers, starting the local cluster once if it does not."""
        server = cls(host, port, user)
        if server._answers():
            return server
        _start_local_cluster()
        if not server._answers():
            raise ServerUnavailable(
                f"PostgreSQL at {host}:{port} (user {user}, trust auth) is not reachable; "
                "run scripts/install-test-deps.sh"
            )
        return server

    def _answers(self) -> bool:
        try:
            with self._admin():
                return True
        except psycopg.OperationalError as error:
            logger.info("postgres not reachable: %s", error)
            return False

    def _admin(self) -> psycopg.Connection:
        return psycopg.connect(
            host=self.host, port=self.port, user=self.user, dbname="postgres",
            autocommit=True, connect_timeout=3,
        )

    def url(self, name: str) -> str:
        """SQLAlchemy URL of database name (psycopg 3 driver)."""
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{name}"

    def create_database(self) -> str:
        """Create an empty database with a unique name; return its name."""
        name = f"test_{uuid.uuid4().hex[:16]}"
        with self._admin() as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return name

    def drop_database(self, name: str) -> None:
        """Drop the database even if a test left connections open (PostgreSQL 13+ FORCE)."""
        with self._admin() as conn:
            statement = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
            conn.execute(statement.format(sql.Identifier(name)))

    @contextlib.contextmanager
    def fresh_database(self) -> Iterator[str]:
        """Yield the SQLAlchemy URL of a new database, dropped afterwards."""
        name = self.create_database()
        try:
            yield self.url(name)
        finally:
            self.drop_database(name)


def _start_local_cluster() -> None:
    # The Debian cluster may simply not be running (no systemd in containers).
    versions = sorted(glob.glob("/etc/postgresql/*/main"))
    if os.geteuid() != 0 or not versions or shutil.which("pg_ctlcluster") is None:
        return
    version = versions[-1].split("/")[3]
    command = ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"]
    result = subprocess.run(command, capture_output=True, text=True, timeout=60)
    logger.info("pg_ctlcluster start: %s %s", result.returncode, result.stderr.strip())
