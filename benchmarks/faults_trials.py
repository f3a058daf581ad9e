"""One fault-injection trial: seed work, start the assistant, kill it, break a server, restart,
wait for the work to settle, then count losses, duplicates and unapproved sends.

A trial's kill is either a named fault point (``ASSISTANT_FAULT_POINTS``: the process kills
itself with SIGKILL there) or SIGKILL after a random delay. Its outage is one of: none; the
SMTP server answering 421, 451 or 550; Dovecot restarted while the watcher IDLEs; Redis
restarted mid-run (split processes on the Redis broker); PostgreSQL connections terminated,
or the private PostgreSQL cluster restarted.

Like systemd's ``Restart=on-failure`` (deploy/systemd), a process that exits on its own is
started again; each such restart is counted in the trial's details.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from dataclasses import asdict, dataclass, field

from assistant.faults import POINTS
from benchmarks import faults_check, faults_seed
from benchmarks.faults_rig import Child, Rig

log = logging.getLogger(__name__)

OUTAGES = ("none", "smtp421", "smtp451", "smtp550", "dovecot_idle", "redis_restart",
           "pg_drop", "pg_restart", "receipt451", "receipt550", "contact550", "auth454",
           "burst60", "undo_race")
SMTP_CODES = {"smtp421": (421, 2), "smtp451": (451, 2), "smtp550": (550, 1)}
# Answers that differ per recipient or at login: these trials send approved follow-ups.
# receipt451: the relay accepts the contact and defers the assistant's blind copy for a few
# seconds; receipt550: it refuses the copy for good; contact550: it refuses the contact for
# good and would take the copy; auth454: the login is answered "try again later" (the trial's
# assistant logs in with STARTTLS and AUTH).
FOLLOWUP_OUTAGES = ("receipt451", "receipt550", "contact550", "auth454", "undo_race")
# burst60: 60 notes at once, twice the owner's hourly budget of notices: half the
# acknowledgements wait for the next window, none may be dropped. undo_race: the owner's
# "undo" of each approved follow-up's note races its send.
BURST = 60
RECEIPT_DEFERRED_FOR = 4.0
KILL_POINTS = {"ingest": POINTS, "draft": ("after_smtp",), "send": ("after_smtp",)}
WATCHER_POINTS = ("after_fetch", "after_store", "before_move")
SETTLE_TIMEOUT = 90.0
# A follow-up claimed by a worker that died before SMTP is sent again only after the receipt
# grace (ASSISTANT_RECEIPT_GRACE_SECONDS in faults_seed): restart once it has passed.
STUCK_AFTER = 42.0
# Work whose broker job died with a process waits for the recovery sweep (every 30 s, work
# older than 60 s); a restart runs recovery at once, so a trial restarts instead of waiting.
RECOVERY_NUDGE_AFTER = 8.0
# Like systemd's RestartSec: a killed process comes back after a pause, by which time its
# claims on non-follow-up emails (ASSISTANT_SEND_LEASE_SECONDS) have expired.
RESTART_PAUSE = 1.3


@dataclass(frozen=True)
class TrialSpec:
    number: int
    kind: str
    outage: str
    redis: bool
    postgres: bool
    point: str | None
    delay: float
    people: int


@dataclass
class TrialResult:
    spec: TrialSpec
    tag: str
    lost: list[str] = field(default_factory=list)
    duplicate_contacts: list[str] = field(default_factory=list)
    duplicate_sends: list[str] = field(default_factory=list)
    unapproved_sends: list[str] = field(default_factory=list)
    owner_notices_dropped: list[str] = field(default_factory=list)
    failed_for_good: int = 0
    owner_redeliveries: int = 0
    refusals_not_kept: int = 0
    killed_by: str = ""
    supervisor_restarts: int = 0
    recovery_restarts: int = 0
    seconds: float = 0.0

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["spec"] = asdict(self.spec)
        return data


def plan_trials(count: int, seed: int, postgres: bool, outages: tuple[str, ...] = OUTAGES,
                every: int = 2) -> list[TrialSpec]:
    """``count`` trials cycling through the kinds; an outage on every ``every``-th one."""
    rng = random.Random(seed)
    specs = []
    for number in range(count):
        kind = faults_seed.KINDS[number % len(faults_seed.KINDS)]
        outage = outages[(number // every) % len(outages)] if number % every == 0 else "none"
        if outage.startswith("pg_") and not postgres:
            outage = "none"
        if outage in FOLLOWUP_OUTAGES:
            kind = "send"
        elif outage == "burst60":
            kind = "ingest"
        point = rng.choice(KILL_POINTS[kind]) if rng.random() < 0.5 else None
        specs.append(TrialSpec(
            number=number, kind=kind, outage=outage,
            redis=outage == "redis_restart" or rng.random() < 0.06,
            postgres=postgres and (outage.startswith("pg_") or rng.random() < 0.1),
            point=point, delay=round(rng.uniform(0.2, 2.5), 2),
            people=BURST if outage == "burst60" else 2))
    return specs


class Trial:
    def __init__(self, rig: Rig, spec: TrialSpec, rng: random.Random) -> None:
        self.rig, self.spec, self.rng = rig, spec, rng
        self.plan = faults_seed.plan_trial(spec.number, spec.kind, spec.people)
        self.result = TrialResult(spec, self.plan.tag)
        self.workdir = rig.root / "trials" / self.plan.tag
        self.workdir.mkdir(parents=True)
        self.db_name = f"f_{self.plan.tag}"
        self.database_url = (rig.postgres_database(self.db_name) if spec.postgres
                             else rig.sqlite_database(self.workdir / "assistant.db"))
        self.env = faults_seed.trial_env(rig, self.plan, self.database_url, spec.redis,
                                         self.workdir,
                                         "starttls" if spec.outage == "auth454" else "smtp")
        self.children: dict[str, Child] = {}
        self.seeded = faults_seed.Seeded()
        self.spawned = 0

    def run(self) -> TrialResult:
        started = time.monotonic()
        base = len(self.rig.smtp.transactions())
        try:
            self.seeded = faults_seed.seed(self.rig, self.plan, self.env)
            self._smtp_outage()
            self._crash()
            self._mid_run_outage()
            self._restart_killed()
            self._settle()
            if self.spec.outage == "dovecot_idle":
                self._dovecot_restart_during_idle()
        finally:
            for child in self.children.values():
                child.stop(2.0)
            self.rig.smtp.clear_faults()
        self._judge(base)
        self.result.seconds = round(time.monotonic() - started, 2)
        return self.result

    # -- start, kill, restart --------------------------------------------------------------

    def _roles(self) -> tuple[str, ...]:
        return ("watch", "worker", "scheduler") if self.spec.redis else ("run",)

    def _target(self) -> str:
        if not self.spec.redis:
            return "run"
        if self.spec.point is None:
            return self.rng.choice(self._roles())
        return "watch" if self.spec.point in WATCHER_POINTS else "worker"

    def _spawn(self, role: str, faults: str | None = None) -> None:
        env = {**self.env, **({"ASSISTANT_FAULT_POINTS": faults} if faults else {})}
        self.spawned += 1
        self.children[role] = self.rig.spawn(role, env,
                                             self.workdir / f"{self.spawned:02d}-{role}.log")

    def _crash(self) -> None:
        target = self._target()
        for role in self._roles():
            self._spawn(role, self.spec.point if role == target else None)
        victim = self.children[target]
        if self.spec.point is not None and victim.wait(20.0) is not None:
            self.result.killed_by = f"fault point {self.spec.point} in {target}"
            return
        if self.spec.point is None:
            time.sleep(self.spec.delay)
        self.result.killed_by = (f"SIGKILL to {target} after {self.spec.delay}s"
                                 if self.spec.point is None
                                 else f"SIGKILL to {target}: {self.spec.point} not reached")
        victim.kill()

    def _restart_killed(self) -> None:
        time.sleep(RESTART_PAUSE)
        for role, child in list(self.children.items()):
            if not child.alive:
                self._spawn(role)

    # -- outages ---------------------------------------------------------------------------

    def _smtp_outage(self) -> None:
        smtp, outage = self.rig.smtp, self.spec.outage
        if outage in SMTP_CODES:
            code, count = SMTP_CODES[outage]
            smtp.fail_next(code, count)
        elif outage == "auth454":
            smtp.fail_next(454, 4, stage="auth")  # two logins: PLAIN, then LOGIN, each time
        elif outage == "receipt451":
            smtp.fail_recipient(self.plan.assistant, 451)
            threading.Timer(RECEIPT_DEFERRED_FOR, smtp.clear_faults).start()
        elif outage == "receipt550":
            smtp.fail_recipient(self.plan.assistant, 550)
        elif outage == "contact550":
            smtp.fail_recipient(self.plan.people[0].email, 550)

    def _mid_run_outage(self) -> None:
        if self.spec.outage == "undo_race":
            time.sleep(self.rng.uniform(0.0, 1.0))
            faults_seed.undo_all(self.env, self.plan)
        elif self.spec.outage == "redis_restart":
            self.rig.redis.restart()
        elif self.spec.outage == "pg_drop":
            self._terminate_backends()
        elif self.spec.outage == "pg_restart":
            assert self.rig.postgres is not None
            self.rig.postgres.restart()

    def _terminate_backends(self) -> None:
        assert self.rig.postgres is not None
        self.rig.postgres.terminate_backends(self.db_name)

    def _dovecot_restart_during_idle(self) -> None:
        time.sleep(1.0)  # the watcher is back in IDLE after the last pass
        self.rig.dovecot.restart()
        spare = faults_seed.Person("Lena Fischer", "COO", "Kestrel Bio",
                                   f"lena-{self.plan.tag}@kestrel.bio")
        self.seeded = faults_seed.append_more(self.rig, self.plan, self.seeded, spare)
        self._settle()

    # -- waiting ---------------------------------------------------------------------------

    def _settle(self) -> None:
        deadline = time.monotonic() + SETTLE_TIMEOUT
        started = time.monotonic()
        stuck_since: float | None = None
        nudged = False
        while time.monotonic() < deadline:
            state = faults_check.read_state(self.database_url)
            inbox_left = faults_check.inbox_count(self.rig.dovecot, self.plan.assistant)
            if faults_check.settled(state, self.seeded, inbox_left,
                                    waiting_ok=self.spec.outage == "burst60"):
                return
            self._supervise()
            if self.spec.outage == "pg_drop" and self.rng.random() < 0.1:
                self._terminate_backends()
            stuck = faults_check.stuck_sending(state)
            stuck_since = (stuck_since or time.monotonic()) if stuck else None
            waited = time.monotonic() - started
            if (stuck_since and time.monotonic() - stuck_since > STUCK_AFTER) or (
                    not nudged and waited > RECOVERY_NUDGE_AFTER):
                self._recovery_restart()
                stuck_since, nudged = None, True
            time.sleep(0.25)

    def _supervise(self) -> None:
        for role, child in list(self.children.items()):
            if not child.alive:
                log.warning("trial %s: %s exited (%s); restarting it", self.plan.tag, role,
                            child.process.exitcode)
                self.result.supervisor_restarts += 1
                self._spawn(role)

    def _recovery_restart(self) -> None:
        """An operator's restart: recovery runs at start (lost broker jobs, stale claims)."""
        role = "scheduler" if self.spec.redis else "run"
        self.children[role].stop(3.0)
        self.result.recovery_restarts += 1
        self._spawn(role)

    def _judge(self, base: int) -> None:
        state = faults_check.read_state(self.database_url)
        inbox_left = faults_check.inbox_count(self.rig.dovecot, self.plan.assistant)
        verdict = faults_check.judge(self.plan, self.seeded, state,
                                     self.rig.smtp.transactions()[base:], inbox_left,
                                     waiting_ok=self.spec.outage == "burst60")
        for name in ("lost", "duplicate_contacts", "duplicate_sends", "unapproved_sends",
                     "owner_notices_dropped"):
            setattr(self.result, name, getattr(verdict, name))
        self.result.failed_for_good = verdict.failed_for_good
        self.result.owner_redeliveries = verdict.owner_redeliveries
        self.result.refusals_not_kept = verdict.refusals_not_kept
