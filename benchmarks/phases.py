"""The measured phases: bulk ingestion (b, with the baseline a) and ack latency (c).

Each phase gets its own assistant mailbox, owner and database, starts the assistant's real
processes (``assistant worker`` x2 + ``assistant watch`` on Redis and PostgreSQL, or
``assistant run`` on SQLite), warms them up with a few notes, measures, and stops them.
"""

from __future__ import annotations

import logging
import os
import statistics
import subprocess
import time
from dataclasses import dataclass, field

from benchmarks import mailbox
from benchmarks.notes_gen import Addresses, generate_notes
from benchmarks.progress import Progress
from benchmarks.reference import deliveries
from benchmarks.rig import Rig, cpu_seconds, machine_cpu, peak_rss_mb
from tests.integration.helpers import TRUSTED_MTA, Mailboxes

log = logging.getLogger(__name__)

WARMUP = 4  # notes through the whole pipeline before the clock starts: imports, connections
OWNER_NAME = "Sam Rivera"


@dataclass(frozen=True)
class Deployment:
    name: str  # "redis" (2 workers + watch, PostgreSQL) or "embedded" (`assistant run`, SQLite)
    workers: int = 2

    @property
    def redis(self) -> bool:
        return self.name == "redis"


@dataclass
class Running:
    """The assistant's processes for one phase, by role."""

    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)
    others: list[subprocess.Popen[bytes]] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # log names, workers first

    def alive(self) -> bool:
        return all(p.poll() is None for p in self.workers + self.others)

    def check(self, rig: Rig, what: str) -> None:
        """Raise with the dead process's log when one of them has exited."""
        for process, name in zip(self.workers + self.others, self.names, strict=True):
            if process.poll() is not None:
                raise RuntimeError(f"{what}: `assistant {name}` exited with "
                                   f"{process.returncode}:\n{rig.log_tail(name)}")

    def cpu(self) -> dict[str, float]:
        """CPU seconds used so far: the workers together, the other processes, this process
        (which runs the SMTP server the acknowledgements go through)."""
        mine = os.times()
        return {"workers": sum(cpu_seconds(p.pid) for p in self.workers),
                "other": sum(cpu_seconds(p.pid) for p in self.others),
                "benchmark": mine.user + mine.system,
                "machine_busy": machine_cpu()[0], "machine_total": machine_cpu()[1]}

    def peak_rss(self) -> dict[str, float | None]:
        """VmHWM per process role: the worker figure is the largest of the workers."""
        workers = [peak_rss_mb(p.pid) for p in self.workers]
        others = [peak_rss_mb(p.pid) for p in self.others]
        return {"worker": max((w for w in workers if w is not None), default=None),
                "other": max((o for o in others if o is not None), default=None)}


def addresses(boxes: Mailboxes) -> Addresses:
    """The phase's owner and assistant; notes carry the trusted server's DMARC pass."""
    return Addresses(boxes.owner, OWNER_NAME, boxes.assistant, TRUSTED_MTA)


def database_for(rig: Rig, phase: str, deployment: Deployment) -> str:
    if deployment.redis:
        return rig.postgres_url()
    return f"sqlite:///{rig.root / phase / 'assistant.db'}"


def start(rig: Rig, phase: str, deployment: Deployment, env: dict[str, str]) -> Running:
    running = Running()
    if deployment.redis:
        rig.redis.flush()
        for n in range(deployment.workers):
            running.names.append(f"{phase}-worker{n + 1}")
            running.workers.append(rig.spawn("worker", env, running.names[-1]))
        running.names.append(f"{phase}-watch")
        running.others.append(rig.spawn("watch", env, running.names[-1]))
    else:
        running.names.append(f"{phase}-run")
        running.workers.append(rig.spawn("run", env, running.names[-1]))
    return running


def warm_up(rig: Rig, user: str, notes: list[bytes], progress: Progress,
            running: Running) -> None:
    """Push a few notes through the whole pipeline so imports and connections are done."""
    with mailbox.connected(rig.dovecot, user) as client:
        for raw in notes:
            client.append("INBOX", raw)
    if not progress.wait_done(len(notes), timeout=180, alive=running.alive):
        running.check(rig, "warm-up")
        raise RuntimeError(f"the assistant did not process the warm-up notes; see {rig.root}")
    time.sleep(1.0)  # let the watcher move them and go back to IDLE


@dataclass(frozen=True)
class IngestResult:
    messages: int
    seconds: float
    msgs_per_s: float
    rss_mb: dict[str, float | None]
    details: dict[str, object]


def ingest(rig: Rig, phase: str, deployment: Deployment, count: int,
           with_baseline: bool, timeout: float) -> tuple[IngestResult, mailbox.Baseline | None]:
    """(b): ``count`` notes arrive at once; seconds until every one is processed."""
    url = database_for(rig, phase, deployment)
    env, boxes = rig.phase_env(phase, url, redis=deployment.redis)
    notes = generate_notes(count + WARMUP, addresses(boxes))
    load_s = mailbox.load_staging(rig.dovecot, boxes.assistant, notes[WARMUP:])
    log.info("%s: %d notes loaded in %.1f s", phase, count, load_s)
    base = mailbox.baseline(rig.dovecot, boxes.assistant) if with_baseline else None
    progress = Progress(url)
    running = start(rig, phase, deployment, env)
    try:
        warm_up(rig, boxes.assistant, notes[:WARMUP], progress, running)
        cpu_before = running.cpu()
        db_before = {pid: cpu_seconds(pid) for pid in progress.backend_pids()}
        started = mailbox.release_staging(rig.dovecot, boxes.assistant)
        if not progress.wait_done(count + WARMUP, timeout=timeout, alive=running.alive):
            running.check(rig, phase)
            raise RuntimeError(f"{phase}: not done after {timeout:.0f} s "
                               f"(counts {progress.counts()}); logs under {rig.root}")
        polled = time.time()
        # The clock of the ratio runs on until the last acknowledgement is delivered
        delivered = wait_delivered(rig, boxes.owner, count, started, timeout)
        cpu = cpu_use(cpu_before | {"database": 0.0},
                      running.cpu() | {"database": database_cpu(progress, db_before)}, count)
        rss = running.peak_rss()
        snap = progress.snapshot()
    finally:
        rig.stop_processes()
        progress.close()
    assert snap.last_finished is not None and snap.last_stored is not None
    seconds = snap.last_finished.timestamp() - started
    details = {"load_s": round(load_s, 2), "contacts": snap.contacts,
               "statuses": snap.statuses, "seen_done_after_s": round(polled - started, 2),
               "last_stored_after_s": round(snap.last_stored.timestamp() - started, 2),
               "acks_unsent_at_done": snap.outbox_unsent,
               "delivered_after_s": round(delivered - started, 2),
               "delivered_msgs_per_s": round(count / (delivered - started), 1), **cpu}
    return IngestResult(count, round(seconds, 2), round(count / seconds, 1), rss, details), base


def wait_delivered(rig: Rig, owner: str, count: int, since: float, timeout: float) -> float:
    """When the harness SMTP server delivered the last of ``count`` acknowledgements to the
    owner since ``since`` (time.time())."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        times = deliveries(rig.smtp, owner, since)
        if len(times) >= count:
            return max(times)
        time.sleep(0.2)
    raise RuntimeError(f"{len(deliveries(rig.smtp, owner, since))} of {count} "
                       "acknowledgements delivered")


def database_cpu(progress: Progress, before: dict[int, float]) -> float:
    """CPU seconds PostgreSQL spent serving this database since ``before`` was taken."""
    return sum(cpu_seconds(pid) - before.get(pid, 0.0) for pid in progress.backend_pids())


def cpu_use(before: dict[str, float], after: dict[str, float],
            count: int) -> dict[str, object]:
    """CPU milliseconds per note by role, and how busy the whole machine was meanwhile."""
    used = {k: after[k] - before[k] for k in before}
    per_msg = {k: round(1000 * used[k] / count, 1)
               for k in ("workers", "other", "database", "benchmark", "machine_busy")}
    busy = used["machine_busy"] / used["machine_total"] if used["machine_total"] else 0.0
    return {"cpu_ms_per_msg": per_msg, "machine_busy_share": round(busy, 3)}


@dataclass(frozen=True)
class LatencyResult:
    samples: tuple[float, ...]
    rss_mb: dict[str, float | None]

    @property
    def p50(self) -> float:
        return round(statistics.median(self.samples), 3)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples)
        return round(ordered[max(0, -(-95 * len(ordered) // 100) - 1)], 3)  # nearest rank


def latency(rig: Rig, phase: str, deployment: Deployment, count: int,
            gap: float = 0.6) -> LatencyResult:
    """(c): one note at a time into the idle assistant; seconds from APPEND to the ack."""
    url = database_for(rig, phase, deployment)
    env, boxes = rig.phase_env(phase, url, redis=deployment.redis)
    notes = generate_notes(count + WARMUP, addresses(boxes), seed=7)
    progress = Progress(url)
    running = start(rig, phase, deployment, env)
    samples: list[float] = []
    try:
        warm_up(rig, boxes.assistant, notes[:WARMUP], progress, running)
        with (mailbox.connected(rig.dovecot, boxes.assistant) as sender,
              mailbox.connected(rig.dovecot, boxes.owner) as owner):
            poller = mailbox.MailboxPoller(owner)
            poller.wait_for_more(WARMUP - 1, timeout=60)  # the warm-up acks are in
            time.sleep(gap)
            for raw in notes[WARMUP:]:
                samples.append(one_round_trip(sender, poller, raw, running))
                time.sleep(gap)  # idle again: the watcher has moved the note, back in IDLE
        rss = running.peak_rss()
    finally:
        rig.stop_processes()
        progress.close()
    return LatencyResult(tuple(samples), rss)


def one_round_trip(sender, poller: mailbox.MailboxPoller, raw: bytes,  # noqa: ANN001
                   running: Running) -> float:
    before = poller.poll()
    appended = time.perf_counter()
    sender.append("INBOX", raw)
    arrived = poller.wait_for_more(before, timeout=30)
    if arrived is None or not running.alive():
        raise RuntimeError("no acknowledgement within 30 s")
    return round(arrived - appended, 4)
