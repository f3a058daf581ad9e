"""``assistant status``: queues, the mailbox connection, mailbox activity, drafts waiting,
failures, quarantine.

Queue depths are read from the Dramatiq Redis broker's own keys (``dramatiq/brokers/redis/
dispatch.lua``): ``dramatiq:<queue>`` is the list of ready message ids, ``dramatiq:<queue>.DQ``
the delayed (retrying) ones, ``dramatiq:<queue>.XQ`` the dead-lettered set. With the
in-process broker there is nothing outside the process to read: the database says what is
pending instead. The watcher runs in another process (or machine) and writes how its
mailbox connection goes to the database (``connection_health``): status reads it there.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from datetime import datetime

import click
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from assistant.clock import system_clock
from assistant.mail.inbox import mailbox_identity
from assistant.settings import Settings
from assistant.store import health
from assistant.store.health import Health
from assistant.store.models import FollowUp, InboundMessage, OutboxMessage, Owner

NAMESPACE = "dramatiq"
KNOWN_QUEUES = ("inbound", "outbox")


@dataclass(frozen=True)
class QueueDepth:
    queue: str
    ready: int
    delayed: int
    dead: int


@dataclass(frozen=True)
class Problem:
    source: str  # "inbound" or "outbox"
    id: int
    when: datetime | None
    what: str
    error: str


@dataclass(frozen=True)
class StatusReport:
    queues: tuple[QueueDepth, ...] | None  # None: the in-process broker
    inbound: dict[str, int]
    outbox: dict[str, int]
    last_received_at: datetime | None
    last_processed_at: datetime | None
    drafts_waiting: dict[str, int]
    failures: tuple[Problem, ...]
    quarantined: tuple[Problem, ...]
    queues_error: str | None = None
    mailbox: Health | None = None  # None: no watcher has tried this mailbox yet

    def to_json(self) -> dict[str, object]:
        return json.loads(json.dumps(asdict(self), default=_iso))


def _iso(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def queue_depths(redis_url: str) -> tuple[QueueDepth, ...]:
    import redis

    client = redis.Redis.from_url(redis_url, socket_timeout=5, decode_responses=True)
    try:
        names = set(KNOWN_QUEUES) | _declared_queues(client)
        return tuple(QueueDepth(queue=name, ready=client.llen(f"{NAMESPACE}:{name}"),
                                delayed=client.llen(f"{NAMESPACE}:{name}.DQ"),
                                dead=client.zcard(f"{NAMESPACE}:{name}.XQ"))
                     for name in sorted(names))
    finally:
        client.close()


def _declared_queues(client) -> set[str]:  # type: ignore[no-untyped-def]
    """Queues that ever held a message: each has a ``dramatiq:<queue>.msgs`` hash."""
    found = set()
    for key in client.scan_iter(match=f"{NAMESPACE}:*.msgs", count=500):
        name = key.removeprefix(f"{NAMESPACE}:").removesuffix(".msgs")
        if not name.endswith((".DQ", ".XQ")) and not name.startswith("__"):
            found.add(name)
    return found


def _counts(session: Session, column) -> dict[str, int]:  # type: ignore[no-untyped-def]
    rows = session.execute(select(column, func.count()).group_by(column)).all()
    return {str(status): int(count) for status, count in sorted(rows)}


def _drafts_waiting(session: Session) -> dict[str, int]:
    rows = session.execute(
        select(Owner.name, func.count(FollowUp.id)).join(FollowUp, FollowUp.owner_id == Owner.id)
        .where(FollowUp.status == "awaiting_approval").group_by(Owner.id, Owner.name)).all()
    return {name: int(count) for name, count in rows}


def _inbound_problems(session: Session, status: str, limit: int) -> tuple[Problem, ...]:
    rows = session.execute(
        select(InboundMessage.id, InboundMessage.received_at, InboundMessage.kind,
               InboundMessage.error).where(InboundMessage.status == status)
        .order_by(InboundMessage.received_at.desc(), InboundMessage.id.desc()).limit(limit))
    return tuple(Problem("inbound", id_, when, f"message ({kind or 'unclassified'})",
                         _first_line(error)) for id_, when, kind, error in rows)


def _outbox_failures(session: Session, limit: int) -> tuple[Problem, ...]:
    rows = session.execute(
        select(OutboxMessage.id, OutboxMessage.created_at, OutboxMessage.purpose,
               OutboxMessage.last_error).where(OutboxMessage.status == "failed")
        .order_by(OutboxMessage.created_at.desc(), OutboxMessage.id.desc()).limit(limit))
    return tuple(Problem("outbox", id_, when, f"email ({purpose})", _first_line(error))
                 for id_, when, purpose, error in rows)


def _first_line(text: str | None) -> str:
    return (text or "").strip().splitlines()[0][:200] if (text or "").strip() else ""


def gather(settings: Settings, engine: Engine, *, limit: int = 5) -> StatusReport:
    from assistant.store.db import session_factory, transaction

    queues, queues_error = _queues(settings.redis_url)
    with transaction(session_factory(engine)) as session:
        failures = _inbound_problems(session, "failed", limit) + _outbox_failures(session, limit)
        return StatusReport(
            queues=queues,
            inbound=_counts(session, InboundMessage.status),
            outbox=_counts(session, OutboxMessage.status),
            last_received_at=session.scalar(select(func.max(InboundMessage.received_at))),
            last_processed_at=session.scalar(select(func.max(InboundMessage.processed_at))),
            drafts_waiting=_drafts_waiting(session),
            failures=tuple(sorted(failures, key=_newest_first)[:limit]),
            quarantined=_inbound_problems(session, "quarantined", limit),
            queues_error=queues_error,
            mailbox=health.load(session, mailbox_identity(settings)),
        )


def _queues(redis_url: str | None) -> tuple[tuple[QueueDepth, ...] | None, str | None]:
    from redis.exceptions import RedisError

    if not redis_url:
        return None, None
    try:
        return queue_depths(redis_url), None
    except RedisError as exc:
        return (), f"Redis unreachable: {exc} (see `assistant doctor`)"


def _newest_first(problem: Problem) -> float:
    return -(problem.when.timestamp() if problem.when else 0.0)


def render(report: StatusReport, now: datetime) -> str:
    lines = ["Queues:"]
    if report.queues is None:
        lines.append("  n/a (in-process broker: pending work is in the database)")
    if report.queues_error:
        lines.append(f"  {report.queues_error}")
    lines += [f"  {q.queue}: {q.ready} ready, {q.delayed} delayed, {q.dead} dead"
              for q in report.queues or ()]
    lines += _mailbox(report.mailbox, now)
    lines.append("Inbound: " + _pairs(report.inbound))
    lines.append("Outbox: " + _pairs(report.outbox))
    lines.append(f"Last mail received: {_ago(report.last_received_at, now)}; "
                 f"last processed: {_ago(report.last_processed_at, now)}")
    lines.append("Drafts awaiting approval: " + (_pairs(report.drafts_waiting) or "none"))
    lines += _problems("Recent failures", report.failures, now)
    quarantined = report.inbound.get("quarantined", 0)
    lines += _problems(f"Quarantined ({quarantined})", report.quarantined, now)
    return "\n".join(lines)


def _mailbox(state: Health | None, now: datetime) -> list[str]:
    if state is None:
        return ["Mailbox: no watcher has connected yet"]
    if state.consecutive_failures == 0:
        return [f"Mailbox: connected {_ago(state.connected_at, now)}"]
    return [f"Mailbox: NOT CONNECTED, {state.consecutive_failures} failed attempt(s) in a row, "
            f"the last {_ago(state.last_failure_at, now)}: {state.last_error or 'no detail'}",
            f"  next attempt {_until(state.next_attempt_at, now)} "
            "(see `assistant doctor`)"]


def _until(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "not planned"
    seconds = int((when - now).total_seconds())
    for unit, size in (("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{when:%Y-%m-%d %H:%M} UTC (in {seconds // size} {unit})"
    return f"{when:%Y-%m-%d %H:%M:%S} UTC (in {max(seconds, 0)} s)"


def _pairs(counts: dict[str, int]) -> str:
    return ", ".join(f"{key} {value}" for key, value in counts.items()) or "none"


def _ago(when: datetime | None, now: datetime) -> str:
    if when is None:
        return "never"
    seconds = int((now - when).total_seconds())
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60)):
        if seconds >= size:
            return f"{when:%Y-%m-%d %H:%M} UTC ({seconds // size} {unit} ago)"
    return f"{when:%Y-%m-%d %H:%M} UTC ({max(seconds, 0)} s ago)"


def _problems(title: str, problems: tuple[Problem, ...], now: datetime) -> list[str]:
    if not problems:
        return [f"{title}: none"]
    return [f"{title}:"] + [f"  {p.source} #{p.id} {p.what}, {_ago(p.when, now)}: "
                            f"{p.error or 'no detail'}" for p in problems]


@click.command("status")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@click.option("--limit", default=5, show_default=True, help="How many recent problems to list.")
def status_command(as_json: bool, limit: int) -> None:
    """Queue depths, the mailbox connection, mailbox activity, drafts awaiting approval,
    failures, quarantine."""

    from assistant.store.db import make_engine

    settings = Settings.from_env()
    engine = make_engine(settings.database_url)
    try:
        report = gather(settings, engine, limit=limit)
    except SQLAlchemyError as exc:
        raise click.ClickException(f"cannot read the database ({type(exc).__name__}): run "
                                   "`assistant db upgrade`, then `assistant doctor`") from None
    finally:
        engine.dispose()
    if as_json:
        click.echo(json.dumps(report.to_json(), indent=2, ensure_ascii=False))
    else:
        click.echo(render(report, system_clock()))
