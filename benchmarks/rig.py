"""The benchmark's servers and assistant processes: started here, stopped here, nothing left.

The mail servers are the test harness's (a private Dovecot with IMAP and LMTP, the loopback
SMTP server delivering into it, a private Redis); PostgreSQL is the machine's, with one fresh
database per phase, dropped at the end.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from assistant.clock import system_clock
from tests.harness import Dovecot, Postgres, RedisServer, SmtpServer
from tests.integration.helpers import Mailboxes, register_owner, server_env

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[1]
# `python -m assistant.cli` is the `assistant` console script, but imports the package from ROOT
# (the working directory), so a copy of the tree with a proposed change can be benchmarked too.
ASSISTANT = [sys.executable, "-m", "assistant.cli"]
STOP_TIMEOUT = 10.0
REPLY_CAP = 1_000_000


@dataclass
class Rig:
    """The running servers plus every database and process a phase asked for."""

    root: Path
    dovecot: Dovecot
    smtp: SmtpServer
    redis: RedisServer
    postgres: Postgres
    databases: list[str] = field(default_factory=list)
    processes: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def postgres_url(self) -> str:
        name = self.postgres.create_database()
        self.databases.append(name)
        return self.postgres.url(name)

    def phase_env(self, phase: str, database_url: str, redis: bool) -> tuple[dict[str, str],
                                                                              Mailboxes]:
        """Settings for one phase: its own assistant mailbox, owner and var dir."""
        boxes = Mailboxes(assistant=f"assistant-{phase}@bench.example",
                          owner=f"sam-{phase}@bench.example")
        workdir = self.root / phase
        workdir.mkdir(parents=True, exist_ok=True)
        env = server_env(self.dovecot, self.smtp, boxes, database_url,
                         self.redis.url if redis else None, workdir)
        # One owner forwards thousands of notes here; every one is to be acknowledged, so the
        # per-owner hourly cap on replies (a loop breaker) must not cut the acks off.
        env["ASSISTANT_REPLIES_PER_SENDER_PER_HOUR"] = str(REPLY_CAP)
        # Each note acknowledged on its own, at once: the same work as the reference's one
        # reply per message, and the latency of a lone note (the burst's figure is measured
        # apart, with the default window: benchmarks/burst.py)
        env["ASSISTANT_ACK_BURST_SECONDS"] = "0"
        register_owner(database_url, boxes.owner, now=system_clock())
        return env, boxes

    def spawn(self, command: str, env: dict[str, str], log_name: str) -> subprocess.Popen[bytes]:
        """``assistant <command>`` with env, its output in a log file under the rig's root."""
        base = {k: v for k, v in os.environ.items() if not k.startswith("ASSISTANT_")}
        # BENCH_ASSISTANT_X=v sets ASSISTANT_X=v for the assistant's processes (experiments)
        tuned = {k.removeprefix("BENCH_"): v for k, v in os.environ.items()
                 if k.startswith("BENCH_ASSISTANT_")}
        env = {**env, **tuned}
        with (self.root / f"{log_name}.log").open("ab") as out:
            process = subprocess.Popen([*ASSISTANT, command], env={**base, **env}, cwd=ROOT,
                                       stdin=subprocess.DEVNULL, stdout=out,
                                       stderr=subprocess.STDOUT)
        self.processes.append(process)
        log.info("started assistant %s as pid %d", command, process.pid)
        return process

    def stop_processes(self) -> None:
        """SIGTERM every process this rig started (by pid), SIGKILL the ones that linger."""
        processes, self.processes = self.processes, []
        for process in processes:
            if process.poll() is None:
                process.terminate()
        for process in processes:
            try:
                process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                log.warning("pid %d ignored SIGTERM; killing it", process.pid)
                process.kill()
                process.wait(timeout=STOP_TIMEOUT)

    def log_tail(self, log_name: str, size: int = 3000) -> str:
        path = self.root / f"{log_name}.log"
        return path.read_text(errors="replace")[-size:] if path.exists() else ""

    def close(self) -> None:
        self.stop_processes()
        for name in self.databases:
            with contextlib.suppress(Exception):  # keep cleaning up the rest
                self.postgres.drop_database(name)
        for server in (self.redis, self.smtp, self.dovecot):
            with contextlib.suppress(Exception):
                server.stop()


@contextlib.contextmanager
def started_rig(keep: bool = False) -> Iterator[Rig]:
    """Every server the benchmark needs, stopped (and its temp dir deleted) afterwards."""
    root = Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    root.chmod(0o755)
    stack = contextlib.ExitStack()
    try:
        dovecot = Dovecot.start(root / "dovecot")
        stack.callback(dovecot.stop)
        smtp = SmtpServer.start(dovecot, root / "smtp")
        stack.callback(smtp.stop)
        redis = RedisServer.start(root / "redis")
        stack.callback(redis.stop)
        rig = Rig(root, dovecot, smtp, redis, Postgres.connect())
        stack.pop_all()
    finally:
        stack.close()
    try:
        yield rig
    finally:
        rig.close()
        if keep:
            print(f"kept logs under {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)


def peak_rss_mb(pid: int) -> float | None:
    """Peak resident set size of a live process (VmHWM in /proc/<pid>/status), in MB."""
    return _status_kb(pid, "VmHWM")


def rss_mb(pid: int) -> float | None:
    return _status_kb(pid, "VmRSS")


def _status_kb(pid: int, key: str) -> float | None:
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith(f"{key}:"):
            return round(int(line.split()[1]) / 1024, 1)
    return None


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds a live process has used (/proc/<pid>/stat), 0 when gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat.rpartition(")")[2].split()  # the command name may hold spaces
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_cpu() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine so far, all cores (/proc/stat)."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    total = sum(values[:8])  # guest time is already counted in user
    tick = os.sysconf("SC_CLK_TCK")
    return (total - idle) / tick, total / tick

