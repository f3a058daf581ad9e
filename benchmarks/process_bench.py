"""Where a note's processing time goes, in one process, without servers in the way.

The same seeded notes as the ingestion benchmark are stored, then processed in batches by
``process_batch`` (routing, parsing, contacts, the first follow-up, the acknowledgement in the
outbox, the status) on SQLite and on PostgreSQL. Printed per note, as CPU time of this process
(PostgreSQL's own work is not in it) and as ratios to the baseline measured in the same run:
``email.message_from_bytes(policy=default)`` of the same notes, the floor of any reader.

    .venv/bin/python -m benchmarks.process_bench [--messages 600] [--batch 20]

Writes ``benchmarks/results/process.json``. PostgreSQL is the machine's (127.0.0.1:5432, user
``postgres``), in a fresh database dropped afterwards; ``--skip-postgres`` leaves it out.
"""

from __future__ import annotations

import argparse
import email
import email.policy
import json
import logging
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from assistant.app import build_app
from assistant.domain import OwnerProfile
from assistant.parsing import parse_message
from assistant.pipeline import process
from assistant.settings import Settings
from assistant.store import inbound, owners
from assistant.store.db import transaction, upgrade
from assistant.store.inbound import FetchedMessage
from benchmarks.notes_gen import Addresses, generate_notes

OWNER = "sam@bench.example"
ASSISTANT = "assistant@bench.example"
RESULTS = Path(__file__).with_name("results") / "process.json"


def cpu_ms_per_note(work: Callable[[], object], count: int, rounds: int = 3) -> float:
    """Median over ``rounds`` of this process's CPU milliseconds per note."""
    samples = []
    for _ in range(rounds):
        start = time.process_time()
        work()
        samples.append((time.process_time() - start) * 1000 / count)
    return round(statistics.median(samples), 3)


def process_run(database_url: str, notes: list[bytes], batch: int, root: Path) -> dict[str, float]:
    """Store the notes, then process them in batches; CPU and wall ms per note."""
    settings = Settings.from_env({
        "ASSISTANT_VAR_DIR": str(root), "ASSISTANT_DATABASE_URL": database_url,
        "ASSISTANT_ADDRESS": ASSISTANT, "ASSISTANT_OWNER_AUTH": "local",
        "ASSISTANT_REPLIES_PER_SENDER_PER_HOUR": str(len(notes) * 2)})
    upgrade(settings.database_url)
    app = build_app(settings)
    try:
        with transaction(app.sessions) as session:
            owners.add_owner(session, name="Sam Rivera", addresses=[OWNER],
                             timezone="America/Chicago", region="US", now=app.clock())
            ids = [inbound.store_fetched(session, "bench", 1,
                                         FetchedMessage(str(i), raw, i + 1),
                                         received_at=app.clock())
                   for i, raw in enumerate(notes)]
        pending = [i for i in ids if i is not None]
        wall, cpu = time.perf_counter(), time.process_time()
        processed = 0
        for start in range(0, len(pending), batch):
            processed += len(process.process_batch(app, pending[start:start + batch]).outcomes)
        cpu_ms = (time.process_time() - cpu) * 1000 / len(pending)
        wall_ms = (time.perf_counter() - wall) * 1000 / len(pending)
        assert processed == len(pending), f"{processed} of {len(pending)} processed"
        return {"cpu_ms_per_note": round(cpu_ms, 3), "wall_ms_per_note": round(wall_ms, 3)}
    finally:
        app.close()


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("--messages", type=int, default=600)
    arguments.add_argument("--batch", type=int, default=20)
    arguments.add_argument("--skip-postgres", action="store_true")
    arguments.add_argument("--out", type=Path, default=RESULTS)
    options = arguments.parse_args()
    logging.basicConfig(level=logging.WARNING)
    notes = generate_notes(options.messages, Addresses(owner=OWNER, owner_name="Sam Rivera",
                                                       assistant=ASSISTANT))
    identity = OwnerProfile(id=1, name="Sam Rivera", addresses=(OWNER,),
                                   timezone="America/Chicago", region="US", language="en",
                                   followup_hour=9).identity(ASSISTANT)
    count = len(notes)
    baseline = cpu_ms_per_note(lambda: [email.message_from_bytes(
        raw, policy=email.policy.default) for raw in notes], count)
    parser = cpu_ms_per_note(lambda: [parse_message(raw, identity) for raw in notes], count)
    result: dict[str, object] = {"messages": count, "batch": options.batch,
                                 "baseline_cpu_ms_per_note": baseline,
                                 "parse_cpu_ms_per_note": parser}
    with tempfile.TemporaryDirectory(prefix="process-bench-") as tmp:
        root = Path(tmp)
        result["sqlite"] = process_run(f"sqlite:///{root / 'sqlite.db'}", notes,
                                       options.batch, root / "sqlite")
        if not options.skip_postgres:
            from tests.harness import Postgres

            with Postgres.connect().fresh_database() as url:
                result["postgresql"] = process_run(url, notes, options.batch, root / "pg")
    for name in ("sqlite", "postgresql"):
        run = result.get(name)
        if isinstance(run, dict):
            run["x_baseline"] = round(run["cpu_ms_per_note"] / baseline, 1)
    result["parse_x_baseline"] = round(parser / baseline, 1)
    print(f"baseline (message_from_bytes)  {baseline:7.3f} ms CPU per note")
    print(f"parse_message                  {parser:7.3f} ms  ({result['parse_x_baseline']}x)")
    for name in ("sqlite", "postgresql"):
        run = result.get(name)
        if isinstance(run, dict):
            print(f"process_batch on {name:<11}  {run['cpu_ms_per_note']:7.3f} ms CPU, "
                  f"{run['wall_ms_per_note']:.3f} ms wall  ({run['x_baseline']}x)")
    options.out.parent.mkdir(parents=True, exist_ok=True)
    options.out.write_text(json.dumps(result, indent=2) + "\n")
    print(f"wrote {options.out}")


if __name__ == "__main__":
    main()
