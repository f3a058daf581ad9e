"""A private redis-server on a free loopback port, never the machine's shared one on 6379."""

from __future__ import annotations

import logging
import subprocess
import time
from pathlib import Path

import redis

from ._support import (
    LOOPBACK,
    ServerUnavailable,
    die_with_parent,
    free_port,
    require_binary,
    stop_process,
)

logger = logging.getLogger(__name__)

START_TIMEOUT_S = 10.0


class RedisServer:
    """One running private Redis without persistence; build it with ``RedisServer.start``."""

    def __init__(self, binary: str, tmpdir: Path, port: int) -> None:
        self._binary = binary
        self._tmpdir = tmpdir
        self._port = port
        self._process: subprocess.Popen[bytes] | None = None

    @classmethod
    def start(cls, tmpdir: Path) -> RedisServer:
        """Start redis-server in the foreground and wait until it answers PING."""
        binary = require_binary("redis-server", "apt-get install redis-server")
        tmpdir = Path(tmpdir)
        tmpdir.mkdir(parents=True, exist_ok=True)
        server = cls(binary, tmpdir, free_port())
        server._launch()
        return server

    def _launch(self) -> None:
        # No RDB snapshots and no AOF: a restart starts empty, like a lost Redis would.
        command = [
            self._binary, "--port", str(self._port), "--bind", LOOPBACK,
            "--save", "", "--appendonly", "no", "--daemonize", "no",
            "--dir", str(self._tmpdir), "--logfile", str(self.log_path),
        ]
        self._process = subprocess.Popen(
            die_with_parent(command),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._wait_ready()
        logger.info("redis up on %d", self._port)

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not self._answers_ping():
            assert self._process is not None
            if self._process.poll() is not None or time.monotonic() > deadline:
                stop_process(self._process)
                raise ServerUnavailable(f"redis-server did not start: {self._log_tail()}")
            time.sleep(0.02)

    def _answers_ping(self) -> bool:
        try:
            with self.client() as client:
                return bool(client.ping())
        except redis.ConnectionError:
            return False

    def _log_tail(self) -> str:
        return self.log_path.read_text()[-2000:] if self.log_path.exists() else "(no log)"

    def stop(self) -> None:
        if self._process is not None:
            stop_process(self._process)
            self._process = None

    def restart(self) -> None:
        """Stop and start again on the same port; all keys are gone afterwards."""
        self.stop()
        self._launch()

    @property
    def host(self) -> str:
        return LOOPBACK

    @property
    def port(self) -> int:
        return self._port

    @property
    def url(self) -> str:
        return f"redis://{LOOPBACK}:{self._port}/0"

    @property
    def log_path(self) -> Path:
        return self._tmpdir / "redis.log"

    def client(self) -> redis.Redis:
        return redis.Redis(host=LOOPBACK, port=self._port, db=0, socket_timeout=5)

    def flush(self) -> None:
        """Delete every key in every database."""
        with self.client() as client:
            client.flushall()
