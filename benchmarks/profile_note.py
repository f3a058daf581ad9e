"""cProfile of one note's processing, and the SQL statements it takes.

    .venv/bin/python -m benchmarks.profile_note [--messages 300] [--batch 20] [--top 30]
        [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/DB]

The ingestion benchmark's seeded notes are stored, then ``process_batch`` runs over them under
cProfile (each note acknowledged on its own, as in the benchmark's throughput phase). Prints
CPU milliseconds and SQL statements per note, then the functions with the most time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import tempfile
import time
from pathlib import Path

from sqlalchemy import event

from assistant.app import build_app
from assistant.pipeline import notify, process
from assistant.settings import Settings
from assistant.store import inbound, owners
from assistant.store.db import transaction, upgrade
from assistant.store.inbound import FetchedMessage
from benchmarks.notes_gen import Addresses, generate_notes

OWNER = "sam@bench.example"
ASSISTANT = "assistant@bench.example"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="tottime", help="pstats order: tottime or cumulative")
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--dump", type=Path, default=None, help="write the pstats file here")
    parser.add_argument("--header-objects", action="store_true",
                        help="compose acknowledgements with build_email (the former way)")
    args = parser.parse_args(argv)
    if args.header_objects:  # A/B in the same tree: the fast path declines every address
        notify._ascii = lambda *_addresses: False  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'profile.db'}"
        settings = Settings.from_env({
            "ASSISTANT_DATABASE_URL": url, "ASSISTANT_VAR_DIR": tmp,
            "ASSISTANT_ADDRESS": ASSISTANT, "ASSISTANT_ACK_BURST_SECONDS": "0",
            "ASSISTANT_REPLIES_PER_SENDER_PER_HOUR": "1000000", "ASSISTANT_OWNER_AUTH": "local"})
        upgrade(url)
        app = build_app(settings)
        with transaction(app.sessions) as session:
            owners.add_owner(session, name="Sam Rivera", addresses=[OWNER],
                             timezone="America/Chicago", region="US", now=app.clock())
        notes = generate_notes(args.messages + args.batch,
                               Addresses(OWNER, "Sam Rivera", ASSISTANT, "mx.bench"))
        with transaction(app.sessions) as session:
            ids = [inbound.store_fetched(session, "bench", 1,
                                         FetchedMessage(str(n), raw, uid=n),
                                         received_at=app.clock())
                   for n, raw in enumerate(notes, start=1)]
        warm, measured = ids[:args.batch], ids[args.batch:]
        process.process_batch(app, [i for i in warm if i is not None])
        statements = [0]
        event.listen(app.engine, "before_cursor_execute",
                     lambda *_a, **_k: statements.__setitem__(0, statements[0] + 1))
        profiler = cProfile.Profile()
        started = time.process_time()
        if args.top:  # --top 0: CPU time without the profiler's overhead
            profiler.enable()
        for start in range(0, len(measured), args.batch):
            process.process_batch(app, [i for i in measured[start:start + args.batch]
                                        if i is not None])
        profiler.disable()
        cpu = time.process_time() - started
        count = len(measured)
        print(f"{count} notes: {1000 * cpu / count:.2f} ms CPU per note"
              f"{' (under cProfile)' if args.top else ''}, "
              f"{statements[0] / count:.1f} SQL statements per note")
        if args.top:
            pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.top)
        if args.dump:
            profiler.dump_stats(args.dump)
        app.close()


if __name__ == "__main__":
    main()
