"""Acknowledgements sent as a batch on PostgreSQL: each recorded as sent, and the connection
that recorded them (its commits not waiting for the WAL flush) given back to the pool as it
was taken."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path

from sqlalchemy import select

from assistant.app import build_app
from assistant.pipeline.process import process_batch
from assistant.pipeline.send_batch import send_batch
from assistant.settings import Settings
from assistant.store import inbound, owners
from assistant.store.db import transaction, upgrade
from assistant.store.inbound import FetchedMessage
from assistant.store.models import OutboxMessage

NOW = datetime(2026, 11, 24, 15, 5, tzinfo=UTC)
OWNER = "sam@example.com"


def _note(person: str) -> bytes:
    message = EmailMessage()
    message["From"] = f"Sam Rivera <{OWNER}>"
    message["To"] = "assistant@example.net"
    message["Subject"] = f"Met {person.split()[0]}"
    message["Message-ID"] = make_msgid(domain="example.com")
    message.set_content(f"Met {person} at the breakfast.\n")
    return message.as_bytes()


def test_acks_sent_as_a_batch_are_recorded_and_the_pool_keeps_its_settings(
        postgres_url: str, tmp_path: Path) -> None:
    settings = Settings.from_env({"ASSISTANT_VAR_DIR": str(tmp_path),
                                  "ASSISTANT_DATABASE_URL": postgres_url,
                                  "ASSISTANT_ADDRESS": "assistant@example.net",
                                  "ASSISTANT_ACK_BURST_SECONDS": "0"})
    upgrade(settings.database_url)
    app = build_app(settings, clock=lambda: NOW)
    try:
        with transaction(app.sessions) as session:
            owners.add_owner(session, name="Sam Rivera", addresses=[OWNER],
                             timezone="America/Chicago", region="US", now=NOW)
            ids = [inbound.store_fetched(session, "maildir://test", None,
                                         FetchedMessage(make_msgid(), _note(p)),
                                         received_at=NOW)
                   for p in ("Jane Doe <jane@acme.example>", "Raj Patel <raj@corvid.example>",
                             "Ana Lima <ana@lima.example>")]
        batch = process_batch(app, [i for i in ids if i is not None])
        queued = [i for o in batch.outcomes for i in o.outbox_ids if i is not None]
        # When the batch's acknowledgements are sent
        results = send_batch(app, queued)
        # Then each went once and is recorded as sent
        assert list(results.values()) == ["sent"] * 3
        with transaction(app.sessions) as session:
            assert list(session.scalars(select(OutboxMessage.status))) == ["sent"] * 3
        delivered = Path(app.settings.var_dir) / "outbox" / OWNER / "new"
        assert sum(1 for _ in delivered.iterdir()) == 3
        # And every connection of the pool commits as PostgreSQL's default says
        with contextlib.ExitStack() as stack:
            connections = [stack.enter_context(app.engine.connect()) for _ in range(4)]
            assert {c.exec_driver_sql("SHOW synchronous_commit").scalar()
                    for c in connections} == {"on"}
    finally:
        app.close()
