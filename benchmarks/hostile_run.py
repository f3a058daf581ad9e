"""``make hostile``: every corpus message and >= 10,000 mutated ones through the whole pipeline.

    .venv/bin/python -m benchmarks.hostile_run [--quick] [--messages N] [--seed S]
        [--corpus DIR] [--good-every K] [--out PATH]

Each corpus file (.eml, .txt, .msg) goes in three times: as its raw bytes (as anyone might send
it), with its headers kept but sent by the authenticated owner, and whole as the body of an
owner's note. Then N mutated messages (seeded: bases are owner notes, forwards, vCards and
corpus messages; operators in benchmarks/hostile_mutations.py) plus built shapes (deep nesting,
10,000 parts, 50,000 links, over the size limit). A known good note follows every K hostile
ones and its contact must exist afterwards. Writes ``benchmarks/results/hostile.json`` with
``messages``, ``crashes``, ``quarantined``, ``lost``; exits 1 on any crash or loss.
"""

from __future__ import annotations

import argparse
import itertools
import json
import logging
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from assistant.app import App, build_app
from assistant.settings import Settings
from assistant.store import owners
from assistant.store.db import transaction, upgrade
from benchmarks import hostile_shapes as shapes
from benchmarks.hostile_feed import Feeder, Tally
from benchmarks.hostile_mutations import Owner, as_owner, mutate, under_owner

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "benchmarks" / "results" / "hostile.json"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
MESSAGE_SUFFIXES = (".eml", ".txt", ".msg")
QUICK_MESSAGES = 10_000
CHUNK = 1_000
OWNER = Owner("Sam Rivera", "sam@hostile.example", "assistant@hostile.example",
              "mx.test; dmarc=pass header.from=hostile.example")
FIRST = ("Priya", "Lucas", "Amara", "Kenji", "Sofia", "Mateo", "Ingrid", "Tariq", "Elena", "Noah")
LAST = ("Nair", "Moreau", "Okafor", "Tanaka", "Rossi", "Silva", "Berg", "Haddad", "Novak", "Reid")
# Built shapes added on top of the mutated messages (they are slow, so counted out).
FIXED_SHAPES = {"many_parts": 1, "oversized": 1, "link_bomb": 1, "deep_multipart": 3,
                "deep_rfc822": 3, **{name: 1 for name in shapes.PATHOLOGICAL}}


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    count = max(args.messages, QUICK_MESSAGES) if args.quick else args.messages
    with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
        tally, seconds = run(Path(tmp), args.corpus, count, args.seed, args.good_every)
    report = summarize(tally, args.seed, seconds, count)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"hostile: messages={report['messages']} crashes={report['crashes']} "
          f"quarantined={report['quarantined']} lost={report['lost']} "
          f"good notes affected={report['good_notes_affected']}/{report['good_notes']}; "
          f"{report['seconds']} s -> {args.out}")
    return 1 if report["crashes"] or report["lost"] else 0


def hostile_app(directory: Path) -> tuple[App, int]:
    """An assistant on SQLite with a Maildir outbox and one registered owner."""
    env = {
        "ASSISTANT_DATABASE_URL": f"sqlite:///{directory / 'hostile.db'}",
        # Never connected: the run stores messages itself. Not a Maildir, so owner mail must
        # prove itself with the trusted Authentication-Results header, as on a real server.
        "ASSISTANT_INBOX_URL": "imap://assistant%40hostile.example@127.0.0.1:9/INBOX",
        "ASSISTANT_SMTP_URL": f"maildir://{directory / 'outbox'}",
        "ASSISTANT_ADDRESS": OWNER.assistant, "ASSISTANT_SECRET_KEY": "hostile-secret",
        "ASSISTANT_VAR_DIR": str(directory / "var"), "ASSISTANT_TRUSTED_AUTHSERV_IDS": "mx.test",
        # Thousands of explanations to one owner in minutes: the hourly reply limit (tested
        # elsewhere) would otherwise stop them, and this run checks that each one is written.
        "ASSISTANT_REPLIES_PER_SENDER_PER_HOUR": "1000000000",
    }
    settings = Settings.from_env(env)
    upgrade(settings.database_url)
    app = build_app(settings)
    with transaction(app.sessions) as session:
        owner = owners.add_owner(session, name=OWNER.name, addresses=[OWNER.address],
                                 timezone="Europe/Berlin", region="DE", now=app.clock())
    return app, owner.id


def run(directory: Path, corpus: Path, count: int, seed: int, good_every: int,
        corpus_limit: int | None = None,
        fixed_shapes: dict[str, int] | None = None) -> tuple[Tally, float]:
    """Everything through the pipeline, on a fresh database every CHUNK messages (the reply
    limit's per-message count of the last hour's outbox would otherwise grow with the run)."""
    started = time.monotonic()
    files = corpus_files(corpus)[:corpus_limit]
    shapes_wanted = FIXED_SHAPES if fixed_shapes is None else fixed_shapes
    hostile = enumerate(_messages(files, count, random.Random(seed), shapes_wanted), start=1)
    tally = Tally()
    for chunk in itertools.count():
        batch = list(itertools.islice(hostile, CHUNK))
        if not batch:
            break
        app, owner_id = hostile_app(directory / f"part{chunk}")
        feeder = Feeder(app, owner_id, OWNER.address, tally)
        try:
            for number, (label, raw) in batch:
                feeder.feed(raw, label)
                if number % good_every == 0:
                    _good_note(feeder, number)
            feeder.check_outbox()
        finally:
            app.close()
        print(f"  {tally.messages} messages, {len(tally.crashes)} crashes, "
              f"{time.monotonic() - started:.0f} s", flush=True)
    return tally, time.monotonic() - started


def corpus_files(corpus: Path) -> list[Path]:
    if not corpus.is_dir():
        return []
    return sorted(p for p in corpus.rglob("*") if p.is_file()
                  and p.suffix.lower() in MESSAGE_SUFFIXES)


def _messages(files: list[Path], count: int, rng: random.Random,  # type: ignore[no-untyped-def]
              fixed_shapes: dict[str, int]):
    """(label, raw) for the corpus, then the mutated messages, then the fixed shapes."""
    raws = [(str(p.name), p.read_bytes()) for p in files]
    for name, raw in raws:
        yield f"corpus:{name}", raw
        yield f"corpus-as-owner:{name}", as_owner(raw, OWNER)
        yield f"corpus-under-owner:{name}", under_owner(raw, OWNER, f"u-{name}")
    for number in range(count):
        base_label, base = _base(raws, number, rng)
        names, raw = mutate(base, rng)
        yield f"mutated:{number}:{base_label}:{names}", raw
    for shape, times in fixed_shapes.items():
        builder = (shapes.SHAPES.get(shape) or shapes.PATHOLOGICAL.get(shape)
                   or getattr(shapes, shape))
        for number in range(times):
            yield f"shape:{shape}:{number}", builder(OWNER, f"s-{shape}-{number}", rng)


def _base(raws: list[tuple[str, bytes]], number: int, rng: random.Random) -> tuple[str, bytes]:
    uid = f"b{number}"
    choice = rng.randrange(10)
    if choice < 3 or not raws:
        return "note", shapes.note(OWNER, uid, "Zoe Park", f"zoe.{number}@park.example")
    if choice == 3:
        return "forward", shapes.forward(OWNER, uid, rng)
    if choice == 4:
        return "vcard", shapes.vcard(OWNER, uid, rng)
    if choice == 5:
        shape = rng.choice(("deep_multipart", "deep_rfc822", "empty"))
        return shape, shapes.SHAPES[shape](OWNER, uid, rng)
    name, raw = rng.choice(raws)
    return f"corpus {name}", as_owner(raw, OWNER)


def _good_note(feeder: Feeder, number: int) -> None:
    first, last = FIRST[number % len(FIRST)], LAST[(number // len(FIRST)) % len(LAST)]
    email = f"{first.lower()}.{last.lower()}.{number}@kestrel.example"
    feeder.feed_good(shapes.note(OWNER, f"good-{number}", f"{first} {last}", email), email)


def summarize(tally: Tally, seed: int, seconds: float, mutated: int) -> dict[str, object]:
    times = sorted(tally.seconds) or [0.0]
    return {
        "messages": tally.messages, "crashes": len(tally.crashes),
        "quarantined": tally.quarantined, "lost": len(tally.lost),
        "mutated_requested": mutated, "deduplicated": tally.deduplicated,
        "unexplained_failures": len(tally.unexplained),
        "foreign_recipients": len(tally.foreign_recipients),
        "over_budget": len(tally.over_budget), "over_budget_details": tally.over_budget[:20],
        "good_notes": tally.good_notes, "good_notes_affected": len(tally.good_affected),
        "statuses": dict(tally.statuses), "sources": dict(tally.labels), "seed": seed,
        "seconds": round(seconds, 1),
        "per_message_ms": {"median": round(statistics.median(times) * 1000, 2),
                           "p99": round(times[int(len(times) * 0.99) - 1] * 1000, 2),
                           "max": round(times[-1] * 1000, 1)},
        "crash_kinds": _crash_kinds(tally),
        "crash_details": tally.crashes[:50], "lost_details": tally.lost[:50],
        "unexplained_details": tally.unexplained[:50],
        "foreign_recipient_details": tally.foreign_recipients[:20],
        "good_note_details": tally.good_affected[:20],
    }


def _crash_kinds(tally: Tally) -> dict[str, int]:
    """Crashes grouped by exception and the innermost assistant frame: one line per bug."""
    kinds: dict[str, int] = {}
    for crash in tally.crashes:
        frame = crash["where"].split(" | ")[0].split(" > ")[-1]
        key = f"{crash['error'].split(':')[0]} at {frame}"
        kinds[key] = kinds.get(key, 0) + 1
    return kinds


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--messages", type=int, default=QUICK_MESSAGES,
                        help="mutated messages (the corpus and fixed shapes come on top)")
    parser.add_argument("--quick", action="store_true", help="the CI size: 10,000 mutated")
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--good-every", type=int, default=25)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
