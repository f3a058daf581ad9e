"""Weekly summary benchmark (issue 5).

Usage: .venv/bin/python -m benchmarks.summary_bench [--contacts N] [--interactions N]
       [--owners N] [--skip-fleet]

(1) One owner with 10,000 contacts and 50,000 interactions (plus needs, offers, promises and
    follow-ups): time to load, compute and render one summary, on SQLite and on PostgreSQL
    (median of 5 runs after one warm-up; goal < 1 s).
(2) 1,000 owners, each with the sample history: time from enqueuing 1,000
    ``workers.actors.send_summary`` jobs to 1,000 summary emails sent, by two ``assistant
    worker`` processes on Redis + PostgreSQL, sending over SMTP to the harness's loopback SMTP
    server, which delivers into a private Dovecot by LMTP (goal < 2 minutes).

Writes benchmarks/results/summary.json with the keys summary_10k_sqlite_s,
summary_10k_postgres_s, summaries_1000_owners_s (and the details beside them).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, insert, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assistant.app import App, build_app  # noqa: E402
from assistant.settings import Settings  # noqa: E402
from assistant.store import owners  # noqa: E402
from assistant.store.db import transaction, upgrade  # noqa: E402
from assistant.store.models import (  # noqa: E402
    Contact,
    ContactFact,
    FollowUp,
    Interaction,
    OutboxMessage,
)
from assistant.summary.deliver import build_summary  # noqa: E402
from assistant.summary.sample import seed_sample_history  # noqa: E402
from assistant.summary.schedule import latest_slot, week_key  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "summary.json"
GOALS = {"summary_10k_s_max": 1.0, "summaries_1000_owners_s_max": 120.0}
NEEDS = ("a good SRE contractor", "seed investors for robotics", "a product designer",
         "a Kubernetes consultant", "an accountant for startups", "a Rust developer",
         "introductions to hospital buyers", "a sales coach", "a data engineer", "office space")
OFFERS = ("SRE contracting", "angel investing in robotics", "product design work",
          "Kubernetes consulting", "startup accounting", "Rust training", "hospital contacts",
          "sales coaching", "data engineering", "desk space in Berlin")
KINDS = ("note", "note", "intro", "vcard", "card_image", "followup_sent", "reply_received")
log = logging.getLogger(__name__)


def app_for(database_url: str, workdir: Path) -> App:
    upgrade(database_url)
    return build_app(Settings.from_env({
        "ASSISTANT_DATABASE_URL": database_url, "ASSISTANT_VAR_DIR": str(workdir / "var"),
        "ASSISTANT_ADDRESS": "assistant@bench.example", "ASSISTANT_SECRET_KEY": "bench"}))


# -- (1) one big owner ---------------------------------------------------------------------


def seed_big_owner(app: App, now: datetime, contacts: int, interactions: int) -> int:
    rng = random.Random(5)
    with transaction(app.sessions) as session:
        owner_id = owners.add_owner(session, name="Bea Big", addresses=["bea@bench.example"],
                                    timezone="Europe/Berlin", region="DE", now=now).id
        first = int(session.scalar(select(func.coalesce(func.max(Contact.id), 0))) or 0) + 1
        ids = list(range(first, first + contacts))
        session.execute(insert(Contact), [_contact_row(rng, owner_id, cid, now) for cid in ids])
        session.execute(insert(ContactFact), _fact_rows(rng, ids, now))
        for start in range(0, interactions, 10_000):
            session.execute(insert(Interaction), [
                _interaction_row(rng, owner_id, ids, now)
                for _ in range(min(10_000, interactions - start))])
        session.execute(insert(FollowUp), _followup_rows(rng, owner_id, ids, now))
    return owner_id


def _contact_row(rng: random.Random, owner_id: int, cid: int, now: datetime) -> dict:
    created = now - timedelta(days=rng.uniform(0, 730))
    name = f"Person {cid:05d}"
    return {"id": cid, "owner_id": owner_id, "name": name, "name_key": name.lower(),
            "company": f"Company {cid % 900}", "status": "active", "created_at": created,
            "updated_at": created, "last_touch_at": created + (now - created) * rng.random()}


def _fact_rows(rng: random.Random, ids: list[int], now: datetime) -> list[dict]:
    rows = []
    for cid in ids:
        for field, values, share in (("needs", NEEDS, 0.05), ("offers", OFFERS, 0.05),
                                     ("promises", ("send the deck", "share the checklist"),
                                      0.03)):
            if rng.random() < share:
                rows.append({"contact_id": cid, "field": field, "value": rng.choice(values),
                             "created_at": now})
    return rows


def _interaction_row(rng: random.Random, owner_id: int, ids: list[int], now: datetime) -> dict:
    # a fifth of the activity in the last 8 weeks, the rest over two years
    days = rng.uniform(0, 56) if rng.random() < 0.2 else rng.uniform(0, 730)
    return {"owner_id": owner_id, "contact_id": rng.choice(ids), "kind": rng.choice(KINDS),
            "occurred_at": now - timedelta(days=days)}


def _followup_rows(rng: random.Random, owner_id: int, ids: list[int], now: datetime) -> list:
    rows = []
    for cid in rng.sample(ids, len(ids) * 2 // 5):
        status = rng.choice(("sent", "sent", "sent", "awaiting_approval", "snoozed",
                             "scheduled", "skipped"))
        when = now - timedelta(days=rng.uniform(0, 120))
        adds = rng.choice((None, '[["resource", "https://x.example", "why"]]',
                           '[["introduction", "Person", "why"]]'))
        rows.append({"owner_id": owner_id, "contact_id": cid, "sequence": 1, "status": status,
                     "due_at": when, "sent_at": when if status == "sent" else None,
                     "value_adds": adds, "created_at": when})
    return rows


def time_summary(app: App, owner_id: int, now: datetime, runs: int = 5) -> dict[str, float]:
    def once() -> float:
        started = time.perf_counter()
        with transaction(app.sessions) as session:
            build_summary(session, owner_id, now, app.settings.assistant_address)
        return time.perf_counter() - started

    warm_up = once()
    timings = [once() for _ in range(runs)]
    return {"first_s": round(warm_up, 3), "median_s": round(statistics.median(timings), 3),
            "max_s": round(max(timings), 3)}


def big_owner_phase(name: str, url: str, workdir: Path, args: argparse.Namespace,
                    now: datetime) -> dict[str, float]:
    app = app_for(url, workdir)
    try:
        started = time.monotonic()
        owner_id = seed_big_owner(app, now, args.contacts, args.interactions)
        print(f"{name}: seeded {args.contacts} contacts, {args.interactions} interactions "
              f"in {time.monotonic() - started:.1f} s", flush=True)
        result = time_summary(app, owner_id, now)
    finally:
        app.close()
    print(f"{name}: one summary {result['median_s']:.3f} s median "
          f"(first {result['first_s']:.3f} s)", flush=True)
    return result


# -- (2) a thousand owners, two workers --------------------------------------------------


def seed_fleet(app: App, count: int, now: datetime) -> list[tuple[int, str]]:
    jobs = []
    for start in range(0, count, 100):
        with transaction(app.sessions) as session:
            for n in range(start, min(count, start + 100)):
                owner = owners.add_owner(session, name=f"Owner {n}",
                                         addresses=[f"owner{n}@fleet.example"],
                                         timezone="America/Chicago", region="US", now=now)
                seed_sample_history(session, owner.id, now)
                slot = latest_slot(now, owner.timezone, 0, 8)
                jobs.append((owner.id, week_key(slot, owner.timezone)))
    return jobs


def sent_count(app: App) -> int:
    with transaction(app.sessions) as session:
        return int(session.scalar(select(func.count()).select_from(OutboxMessage).where(
            OutboxMessage.purpose == "summary", OutboxMessage.status == "sent")) or 0)


def fleet_phase(rig, args: argparse.Namespace, now: datetime) -> dict[str, object]:  # noqa: ANN001
    from dramatiq.brokers.redis import RedisBroker

    from tests.integration.helpers import Mailboxes, server_env
    from workers import actors

    url = rig.postgres_url()
    boxes = Mailboxes(assistant="assistant-fleet@bench.example", owner="unused@bench.example")
    (rig.root / "fleet").mkdir(parents=True, exist_ok=True)
    env = server_env(rig.dovecot, rig.smtp, boxes, url, rig.redis.url, rig.root / "fleet")
    app = app_for(url, rig.root / "fleet")
    started = time.monotonic()
    jobs = seed_fleet(app, args.owners, now)
    print(f"fleet: seeded {len(jobs)} owners in {time.monotonic() - started:.1f} s", flush=True)
    for n in range(2):
        rig.spawn("worker", env, f"worker-{n}")
    time.sleep(3)  # both workers connected and idle before the clock starts
    broker = RedisBroker(url=rig.redis.url)
    actors.configure(app, broker)
    started = time.monotonic()
    for owner_id, week in jobs:
        actors.send_summary.send(owner_id, week)
    elapsed = wait_until(lambda: sent_count(app) >= len(jobs), args.timeout, started)
    done = sent_count(app)
    broker.close()
    app.close()
    rig.stop_processes()
    print(f"fleet: {done}/{len(jobs)} summaries sent by 2 workers in {elapsed:.1f} s",
          flush=True)
    return {"seconds": round(elapsed, 1), "sent": done, "owners": len(jobs)}


def wait_until(condition: Callable[[], bool], timeout: float, started: float) -> float:
    while time.monotonic() - started < timeout:
        if condition():
            return time.monotonic() - started
        time.sleep(0.25)
    raise SystemExit(f"timed out after {timeout:.0f} s")


# -- entry --------------------------------------------------------------------------------


def arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Weekly summary benchmark (issue 5).")
    parser.add_argument("--contacts", type=int, default=10_000)
    parser.add_argument("--interactions", type=int, default=50_000)
    parser.add_argument("--owners", type=int, default=1_000)
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--skip-fleet", action="store_true", help="only the one-owner timings")
    parser.add_argument("--out", type=Path, default=RESULTS)
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING)
    args = arguments(argv)
    now = datetime.now(UTC).replace(microsecond=0)
    from benchmarks.rig import started_rig

    with tempfile.TemporaryDirectory(prefix="summary-bench-") as tmp, started_rig() as rig:
        work = Path(tmp)
        sqlite = big_owner_phase("sqlite", f"sqlite:///{work / 'big.db'}", work, args, now)
        postgres = big_owner_phase("postgresql", rig.postgres_url(), work, args, now)
        fleet = None if args.skip_fleet else fleet_phase(rig, args, now)
    result = {
        "summary_10k_sqlite_s": sqlite["median_s"],
        "summary_10k_postgres_s": postgres["median_s"],
        "summaries_1000_owners_s": fleet["seconds"] if fleet else None,
        "details": {"contacts": args.contacts, "interactions": args.interactions,
                    "sqlite": sqlite, "postgres": postgres, "fleet": fleet,
                    "fleet_setup": "2 `assistant worker` processes, Redis broker, PostgreSQL, "
                                   "SMTP to the loopback harness server delivering into "
                                   "Dovecot by LMTP",
                    "goals": GOALS,
                    "load_average_at_end": [round(x, 2) for x in os.getloadavg()],
                    "cpus": os.cpu_count()},
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
