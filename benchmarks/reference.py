"""The reference pipeline: what a plain ingester that answers every message costs here.

Two processes, each with its own IMAP, PostgreSQL and SMTP connection, take half of the notes:
``UID FETCH BODY.PEEK[]`` in chunks, ``email.message_from_bytes(policy=email.policy.default)``,
one INSERT per message (committed per chunk, as the assistant commits per batch), and one reply
per message composed with the ``email`` package and sent through the same harness SMTP server
the assistant uses (delivered into Dovecot by LMTP). The clock runs from the moment the
connected processes are released until the harness SMTP server has delivered the last reply.

Before the clock starts, each process takes a few warm-up notes through the same steps on its
open connections (as the assistant's processes get four warm-up notes): the reply mailbox
exists and is indexed, PostgreSQL has the table and the first rows, every code path has run.
The benchmark runs this several times in one run, each on its own mailbox user, reply
mailbox and database, and reports the median (``ingest_bench.reference_runs``).
"""

from __future__ import annotations

import email
import email.policy
import multiprocessing
import os
import smtplib
import time
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import psycopg
from imapclient import IMAPClient

from benchmarks.mailbox import STAGING
from benchmarks.rig import machine_cpu
from tests.harness import Dovecot, SmtpServer

PROCESSES = 2
CHUNK = 100
WARMUP = 2  # notes per process through every step before the clock starts (4 in all, as
# the assistant gets: the measured notes are then the same as the ingestion phase's)
REPLY_TO = "sam-reference@bench.example"
FROM = "assistant-reference@bench.example"


@dataclass(frozen=True)
class ReferenceResult:
    messages: int
    seconds: float
    msgs_per_s: float
    processes: int
    # CPU ms per message while the clock ran: the two reference processes together, the
    # benchmark's process (the harness SMTP server), and the machine as a whole (everyone's)
    cpu_ms_per_msg: dict[str, float] = field(default_factory=dict)
    machine_busy_share: float = 0.0


def run(dovecot: Dovecot, smtp: SmtpServer, user: str, database_url: str, count: int,
        timeout: float, reply_to: str = REPLY_TO, warmup: int = WARMUP) -> ReferenceResult:
    """The notes are in ``user``'s staging folder, ``warmup`` per process first; seconds
    from the release of the warmed-up processes until every other note's reply to
    ``reply_to`` is delivered."""
    _create_table(database_url)
    with IMAPClient(dovecot.host, dovecot.imap_port, ssl=False, timeout=60) as client:
        client.login(user, dovecot.password)
        client.select_folder(STAGING, readonly=True)
        uids = sorted(client.search("ALL"))
    warm, measured = uids[:warmup * PROCESSES], uids[warmup * PROCESSES:]
    context = multiprocessing.get_context("fork")
    go = context.Event()
    ready = context.Barrier(PROCESSES + 1)
    workers = [context.Process(target=_work, args=(dovecot.host, dovecot.imap_port, user,
                                                   dovecot.password, warm[n::PROCESSES],
                                                   measured[n::PROCESSES], database_url,
                                                   smtp.host, smtp.port, reply_to, ready, go))
               for n in range(PROCESSES)]
    for worker in workers:
        worker.start()
    ready.wait(timeout=120)  # every process has its connections open and is warmed up
    machine_before, mine_before = machine_cpu(), _own_cpu()
    started = time.time()
    go.set()
    for worker in workers:
        worker.join(timeout=timeout)
    delivered = _wait_delivered(smtp, reply_to, len(measured), started, timeout)
    machine_after, mine_after = machine_cpu(), _own_cpu()
    seconds = delivered - started
    count = len(measured)
    busy = machine_after[0] - machine_before[0]
    total = machine_after[1] - machine_before[1]
    cpu = {"processes": mine_after[1] - mine_before[1],
           "benchmark": mine_after[0] - mine_before[0], "machine_busy": busy}
    return ReferenceResult(count, round(seconds, 2), round(count / seconds, 1), PROCESSES,
                           {k: round(1000 * v / count, 1) for k, v in cpu.items()},
                           round(busy / total, 3) if total else 0.0)


def _own_cpu() -> tuple[float, float]:
    """CPU seconds of this process and of its reaped children (the reference processes)."""
    times = os.times()
    return times.user + times.system, times.children_user + times.children_system


def _create_table(database_url: str) -> None:
    with psycopg.connect(_dsn(database_url), autocommit=True) as connection:
        connection.execute("CREATE TABLE IF NOT EXISTS reference_messages (id SERIAL PRIMARY KEY,"
                           " uid BIGINT, message_id TEXT, sender TEXT, subject TEXT, raw BYTEA)")


def _dsn(database_url: str) -> str:
    return database_url.replace("postgresql+psycopg://", "postgresql://")


def _work(host: str, port: int, user: str, password: str, warm: list[int], uids: list[int],  # noqa: PLR0913
          database_url: str, smtp_host: str, smtp_port: int, reply_to: str,
          ready, go) -> None:  # type: ignore[no-untyped-def]  # noqa: ANN001
    client = IMAPClient(host, port, ssl=False, timeout=60)
    client.login(user, password)
    client.select_folder(STAGING, readonly=True)
    database = psycopg.connect(_dsn(database_url))
    relay = smtplib.SMTP(smtp_host, smtp_port)
    try:
        _handle(client, database, relay, warm, reply_to)  # delivered before it returns
        ready.wait(timeout=120)
        go.wait(timeout=120)
        _handle(client, database, relay, uids, reply_to)
    finally:
        relay.quit()
        database.close()
        client.logout()


def _handle(client: IMAPClient, database: psycopg.Connection, relay: smtplib.SMTP,
            uids: list[int], reply_to: str) -> None:
    """Fetch, parse, INSERT and answer each message, committing per fetched chunk."""
    for start in range(0, len(uids), CHUNK):
        fetched = client.fetch(uids[start:start + CHUNK], [b"BODY.PEEK[]"])
        with database.cursor() as cursor:
            for uid, data in fetched.items():
                raw = data[b"BODY[]"]
                message = email.message_from_bytes(raw, policy=email.policy.default)
                cursor.execute("INSERT INTO reference_messages (uid, message_id, sender, "
                               "subject, raw) VALUES (%s, %s, %s, %s, %s)",
                               (uid, str(message["Message-ID"]), str(message["From"]),
                                str(message["Subject"]), raw))
                relay.send_message(_reply(message, reply_to))  # type: ignore[arg-type]
        database.commit()


def _reply(message: EmailMessage, reply_to: str = REPLY_TO) -> EmailMessage:
    reply = EmailMessage()
    reply["From"] = FROM
    reply["To"] = reply_to
    reply["Subject"] = f"Re: {message['Subject']}"
    reply["Date"] = format_datetime(email.utils.localtime())
    reply["Message-ID"] = make_msgid(domain="bench.example")
    if message["Message-ID"]:
        reply["In-Reply-To"] = str(message["Message-ID"])
        reply["References"] = str(message["Message-ID"])
    reply["Auto-Submitted"] = "auto-replied"
    reply.set_content(f"Got it: {message['Subject']}\n")
    return reply


def deliveries(smtp: SmtpServer, recipient: str, since: float) -> list[float]:
    """When the harness SMTP server delivered each message to ``recipient`` since ``since``."""
    return [t["time"] for t in smtp.transactions()
            if t["time"] >= since and t["status"] == 250 and not t["fault"]
            and recipient in t["rcpt_tos"]]


def _wait_delivered(smtp: SmtpServer, reply_to: str, count: int, since: float,
                    timeout: float) -> float:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        times = deliveries(smtp, reply_to, since)
        if len(times) >= count:
            return max(times)
        time.sleep(0.2)
    raise RuntimeError(f"reference: {len(deliveries(smtp, reply_to, since))} of {count} "
                       "replies delivered")
