"""``assistant demo``: the whole flow on embedded defaults, with no server to install.

A Maildir stands in for the mailbox and another for the SMTP server; SQLite and the
in-process broker stand in for PostgreSQL and Redis. The demo registers an owner, drops sample
notes into the mailbox, runs the assistant until every note is processed and acknowledged,
and prints what happened and where the emails it wrote are.
"""

from __future__ import annotations

import mailbox
import shutil
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import click
from sqlalchemy import func, select

from assistant.demo_samples import OWNER, sample_messages
from assistant.owners_cli import add_owner_command
from assistant.runtime import run_all
from assistant.settings import Settings
from assistant.store.db import make_engine, session_factory, transaction
from assistant.store.models import Contact, InboundMessage, OutboxMessage

ASSISTANT = "assistant@demo.local"
OWNER_ADDRESS = "sam@example.com"


def run_demo(directory: Path, timeout: float = 60.0) -> int:
    if directory.exists():
        shutil.rmtree(directory)
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(directory),
                                  "ASSISTANT_ADDRESS": ASSISTANT,
                                  "ASSISTANT_POLL_SECONDS": "1"})
    click.echo(add_owner_command(settings, OWNER, [], "America/Chicago", "US", 9, "en"))
    inbox = mailbox.Maildir(directory / "inbox", factory=None, create=True)
    for raw in sample_messages(OWNER_ADDRESS, ASSISTANT, datetime.now(UTC)):
        inbox.add(raw)
    click.echo(f"dropped {len(inbox)} forwarded notes into the mailbox {directory / 'inbox'}")
    stop = threading.Event()
    thread = threading.Thread(target=run_all, args=(settings, stop), daemon=True)
    thread.start()
    done = _wait_until_settled(settings, expected=len(inbox), timeout=timeout)
    stop.set()
    thread.join(timeout=10)
    _report(settings, directory)
    return 0 if done else 1


def _wait_until_settled(settings: Settings, expected: int, timeout: float) -> bool:
    engine = make_engine(settings.database_url)
    sessions = session_factory(engine)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            with transaction(sessions) as session:
                done = session.scalar(select(func.count()).select_from(InboundMessage).where(
                    InboundMessage.status != "pending", InboundMessage.moved.is_(True)))
                unsent = session.scalar(select(func.count()).select_from(OutboxMessage).where(
                    OutboxMessage.status != "sent"))
            if done == expected and unsent == 0:
                return True
            time.sleep(0.2)
        return False
    finally:
        engine.dispose()


def _report(settings: Settings, directory: Path) -> None:
    engine = make_engine(settings.database_url)
    with transaction(session_factory(engine)) as session:
        contacts = session.scalars(select(Contact).order_by(Contact.id)).all()
        click.echo(f"\ncontacts stored ({len(contacts)}):")
        for c in contacts:
            emails = ", ".join(e.email for e in c.emails)
            role = ", ".join(filter(None, [c.title, c.company]))
            click.echo(f"  - {c.name} <{emails}> {role}")
        statuses = session.execute(select(InboundMessage.status, func.count())
                                   .group_by(InboundMessage.status)).all()
    engine.dispose()
    click.echo("messages: " + ", ".join(f"{n} {s}" for s, n in statuses))
    owner_box = directory / "outbox" / OWNER_ADDRESS
    sent = sorted((owner_box / "new").glob("*")) if owner_box.exists() else []
    click.echo(f"\nacknowledgements emailed to {OWNER_ADDRESS}: {len(sent)}, in {owner_box}/new/")
    for path in sent[:1]:
        click.echo(f"\n--- the first one ({path.name}) ---")
        click.echo(_text_part(path.read_bytes()))
    processed = directory / "inbox" / ".Assistant.Processed"
    click.echo(f"processed notes were moved to {processed}")


def _text_part(raw: bytes) -> str:
    import email
    import email.policy

    message = email.message_from_bytes(raw, policy=email.policy.default)
    headers = "\n".join(f"{k}: {message[k]}" for k in ("From", "To", "Subject"))
    body = message.get_body(preferencelist=("plain",))
    return headers + "\n\n" + (body.get_content() if body else "")
