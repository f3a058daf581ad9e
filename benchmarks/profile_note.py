"""cProfile of one note's processing, and the SQL statements it takes.

    .venv/bin/python -m benchmarks.profile_note [--messages 300] [--batch 20] [--top 30]
        [--database-url postgresql+psycopg://postgres@127.0.0.1:5432/DB] [--postgres] [--send]
        [--authenticated]

The ingestion benchmark's seeded notes are stored, then ``process_batch`` runs over them under
cProfile (each note acknowledged on its own, as in the benchmark's throughput phase). Prints
CPU milliseconds and SQL statements per note, then the functions with the most time.

``--postgres`` runs on a fresh database of the machine's PostgreSQL (127.0.0.1:5432, dropped
afterwards) and also prints the CPU its server processes spent per note. ``--send`` does the
whole of a worker's job: each batch's acknowledgements are then sent as the outbox job sends
them (``send_batch``, one SMTP connection) to a sink SMTP server in another process.
``--authenticated`` checks the owner's proof as the benchmark's processes do (its notes carry
a trusted server's DMARC pass) instead of trusting a local mailbox.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import pstats
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import event, text

from assistant.app import build_app
from assistant.pipeline import notify, process, send_batch
from assistant.settings import Settings
from assistant.store import inbound, owners
from assistant.store.db import transaction, upgrade
from assistant.store.inbound import FetchedMessage
from benchmarks.notes_gen import Addresses, generate_notes
from benchmarks.rig import cpu_seconds

OWNER = "sam@bench.example"
ASSISTANT = "assistant@bench.example"
MTA = "mx.bench"  # the server whose Authentication-Results the notes carry


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", type=int, default=300)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="tottime", help="pstats order: tottime or cumulative")
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--postgres", action="store_true",
                        help="a fresh database on the machine's PostgreSQL, dropped afterwards")
    parser.add_argument("--send", action="store_true",
                        help="send each batch's acknowledgements to a sink SMTP server")
    parser.add_argument("--cpu-timer", action="store_true",
                        help="profile CPU time (time.process_time) rather than wall time")
    parser.add_argument("--dump", type=Path, default=None, help="write the pstats file here")
    parser.add_argument("--authenticated", action="store_true",
                        help="authenticate the owner as the benchmark does (the notes' trusted "
                             "Authentication-Results) instead of trusting a local mailbox")
    parser.add_argument("--header-objects", action="store_true",
                        help="compose acknowledgements with build_email (the former way)")
    args = parser.parse_args(argv)
    if args.header_objects:  # A/B in the same tree: the fast path declines every address
        notify._ascii = lambda *_addresses: False  # type: ignore[attr-defined]
    with tempfile.TemporaryDirectory() as tmp, contextlib.ExitStack() as stack:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'profile.db'}"
        if args.postgres:
            url = stack.enter_context(_fresh_postgres())
        env = {"ASSISTANT_DATABASE_URL": url, "ASSISTANT_VAR_DIR": tmp,
               "ASSISTANT_ADDRESS": ASSISTANT, "ASSISTANT_ACK_BURST_SECONDS": "0",
               "ASSISTANT_REPLIES_PER_SENDER_PER_HOUR": "1000000",
               "ASSISTANT_OWNER_AUTH": "local"}
        if args.authenticated:
            env |= {"ASSISTANT_OWNER_AUTH": "required", "ASSISTANT_TRUSTED_AUTHSERV_IDS": MTA}
        if args.send:
            env["ASSISTANT_SMTP_URL"] = f"smtp://127.0.0.1:{stack.enter_context(_sink())}"
        settings = Settings.from_env(env)
        upgrade(url)
        app = build_app(settings)
        stack.callback(app.close)
        with transaction(app.sessions) as session:
            owners.add_owner(session, name="Sam Rivera", addresses=[OWNER],
                             timezone="America/Chicago", region="US", now=app.clock())
        notes = generate_notes(args.messages + args.batch,
                               Addresses(OWNER, "Sam Rivera", ASSISTANT, MTA))
        with transaction(app.sessions) as session:
            ids = [inbound.store_fetched(session, "bench", 1,
                                         FetchedMessage(str(n), raw, uid=n),
                                         received_at=app.clock())
                   for n, raw in enumerate(notes, start=1)]

        def job(batch_ids: list[int]) -> None:  # a worker's processing job, then its sends
            batch = process.process_batch(app, batch_ids)
            if args.send:
                queued = [i for o in batch.outcomes for i in o.outbox_ids if i is not None]
                send_batch.send_batch(app, list(dict.fromkeys(queued)))

        warm, measured = ids[:args.batch], ids[args.batch:]
        job([i for i in warm if i is not None])
        statements = [0]
        event.listen(app.engine, "before_cursor_execute",
                     lambda *_a, **_k: statements.__setitem__(0, statements[0] + 1))
        backends = _backend_pids(app.engine)
        db_before = {pid: cpu_seconds(pid) for pid in backends}
        profiler = cProfile.Profile(time.process_time) if args.cpu_timer else cProfile.Profile()
        started = time.process_time()
        if args.top:  # --top 0: CPU time without the profiler's overhead
            profiler.enable()
        for start in range(0, len(measured), args.batch):
            job([i for i in measured[start:start + args.batch] if i is not None])
        profiler.disable()
        cpu = time.process_time() - started
        count = len(measured)
        database = ""
        if backends:
            backends = sorted(set(backends) | set(_backend_pids(app.engine)))
            used = sum(cpu_seconds(pid) - db_before.get(pid, 0.0) for pid in backends)
            database = f", database {1000 * used / count:.2f} ms CPU per note"
        print(f"{count} notes: {1000 * cpu / count:.2f} ms CPU per note"
              f"{' (under cProfile)' if args.top else ''}, "
              f"{statements[0] / count:.1f} SQL statements per note{database}")
        if args.top:
            pstats.Stats(profiler).sort_stats(args.sort).print_stats(args.top)
        if args.dump:
            profiler.dump_stats(args.dump)


def _backend_pids(engine) -> list[int]:  # type: ignore[no-untyped-def]
    if engine.dialect.name != "postgresql":
        return []
    with engine.connect() as connection:
        return list(connection.scalars(text(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database()")))


@contextlib.contextmanager
def _fresh_postgres() -> Iterator[str]:
    from tests.harness.postgres import Postgres

    server = Postgres.connect()
    name = server.create_database()
    try:
        yield server.url(name)
    finally:
        server.drop_database(name)


@contextlib.contextmanager
def _sink() -> Iterator[int]:
    """An SMTP server in another process that takes every message and keeps none."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    server = subprocess.Popen([sys.executable, "-m", "aiosmtpd", "-n", "-c",
                               "aiosmtpd.handlers.Sink", "-l", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the sink SMTP server did not start") from None
                time.sleep(0.05)
        yield port
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
