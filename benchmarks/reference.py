"""The reference pipeline: what a plain ingester that answers every message costs here.

Two processes, each with its own IMAP, PostgreSQL and SMTP connection, take half of the notes:
``UID FETCH BODY.PEEK[]`` in chunks, ``email.message_from_bytes(policy=email.policy.default)``,
one INSERT per message (committed per chunk, as the assistant commits per batch), and one reply
per message composed with the ``email`` package and sent through the same harness SMTP server
the assistant uses (delivered into Dovecot by LMTP). The clock runs from the moment the
connected processes are released until the harness SMTP server has delivered the last reply.
"""

from __future__ import annotations

import email
import email.policy
import multiprocessing
import smtplib
import time
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import psycopg
from imapclient import IMAPClient

from benchmarks.mailbox import STAGING
from tests.harness import Dovecot, SmtpServer

PROCESSES = 2
CHUNK = 100
REPLY_TO = "sam-reference@bench.example"
FROM = "assistant-reference@bench.example"


@dataclass(frozen=True)
class ReferenceResult:
    messages: int
    seconds: float
    msgs_per_s: float
    processes: int


def run(dovecot: Dovecot, smtp: SmtpServer, user: str, database_url: str, count: int,
        timeout: float) -> ReferenceResult:
    """The notes are in ``user``'s staging folder; seconds until every reply is delivered."""
    _create_table(database_url)
    with IMAPClient(dovecot.host, dovecot.imap_port, ssl=False, timeout=60) as client:
        client.login(user, dovecot.password)
        client.select_folder(STAGING, readonly=True)
        uids = sorted(client.search("ALL"))
    shares = [uids[n::PROCESSES] for n in range(PROCESSES)]
    context = multiprocessing.get_context("fork")
    go = context.Event()
    ready = context.Barrier(PROCESSES + 1)
    workers = [context.Process(target=_work, args=(dovecot.host, dovecot.imap_port, user,
                                                   dovecot.password, share, database_url,
                                                   smtp.host, smtp.port, ready, go))
               for share in shares]
    for worker in workers:
        worker.start()
    ready.wait(timeout=60)  # every process has its connections open
    started = time.time()
    go.set()
    for worker in workers:
        worker.join(timeout=timeout)
    delivered = _wait_delivered(smtp, len(uids), started, timeout)
    seconds = delivered - started
    return ReferenceResult(len(uids), round(seconds, 2), round(len(uids) / seconds, 1),
                           PROCESSES)


def _create_table(database_url: str) -> None:
    with psycopg.connect(_dsn(database_url), autocommit=True) as connection:
        connection.execute("CREATE TABLE IF NOT EXISTS reference_messages (id SERIAL PRIMARY KEY,"
                           " uid BIGINT, message_id TEXT, sender TEXT, subject TEXT, raw BYTEA)")


def _dsn(database_url: str) -> str:
    return database_url.replace("postgresql+psycopg://", "postgresql://")


def _work(host: str, port: int, user: str, password: str, uids: list[int], database_url: str,
          smtp_host: str, smtp_port: int, ready, go) -> None:  # type: ignore[no-untyped-def]  # noqa: ANN001
    client = IMAPClient(host, port, ssl=False, timeout=60)
    client.login(user, password)
    client.select_folder(STAGING, readonly=True)
    database = psycopg.connect(_dsn(database_url))
    relay = smtplib.SMTP(smtp_host, smtp_port)
    ready.wait(timeout=60)
    go.wait(timeout=60)
    try:
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
                    relay.send_message(_reply(message))
            database.commit()
    finally:
        relay.quit()
        database.close()
        client.logout()


def _reply(message: EmailMessage) -> EmailMessage:
    reply = EmailMessage()
    reply["From"] = FROM
    reply["To"] = REPLY_TO
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


def _wait_delivered(smtp: SmtpServer, count: int, since: float, timeout: float) -> float:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        times = deliveries(smtp, REPLY_TO, since)
        if len(times) >= count:
            return max(times)
        time.sleep(0.2)
    raise RuntimeError(f"reference: {len(deliveries(smtp, REPLY_TO, since))} of {count} "
                       "replies delivered")
