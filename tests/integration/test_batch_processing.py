"""Messages processed in batches: one transaction for the batch, one savepoint per message.

On SQLite and PostgreSQL: a batch writes every note once; a bug in one message fails only that
message and undoes only its writes; a database error falls back to one message at a time, so
the others go through and only the troubled one waits for the retry; a message another worker
finished first is left alone.
"""

from __future__ import annotations

import email
import email.policy
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError, OperationalError

from assistant.app import App, build_app
from assistant.domain import ParsedContact
from assistant.pipeline import process
from assistant.settings import Settings
from assistant.store import contacts as contact_store
from assistant.store import inbound, owners
from assistant.store.db import transaction, upgrade
from assistant.store.inbound import FetchedMessage
from assistant.store.models import (
    Contact,
    ContactEmail,
    ContactFact,
    FollowUp,
    InboundMessage,
    Interaction,
    OutboxMessage,
)

OWNER = "sam@example.com"
PEOPLE = [("Jane Doe", "jane@acme.example"), ("Raj Patel", "raj@corvid.example"),
          ("Ana Lima", "ana@lima.example"), ("Bad Person", "bad@trouble.example"),
          ("Tom Berg", "tom@berg.example")]


@pytest.fixture
def app(database_url: str, tmp_path) -> Iterator[App]:  # noqa: ANN001
    built = _app_with_owner(database_url, tmp_path)
    yield built
    built.close()


def _app_with_owner(database_url: str, tmp_path, burst: str | None = None) -> App:  # noqa: ANN001
    env = {"ASSISTANT_VAR_DIR": str(tmp_path), "ASSISTANT_DATABASE_URL": database_url,
           "ASSISTANT_ADDRESS": "assistant@example.net"}
    if burst is not None:
        env["ASSISTANT_ACK_BURST_SECONDS"] = burst
    settings = Settings.from_env(env)
    upgrade(settings.database_url)
    built = build_app(settings)
    with transaction(built.sessions) as session:
        owners.add_owner(session, name="Sam Rivera", addresses=[OWNER],
                         timezone="America/Chicago", region="US", now=built.clock())
    return built


def _note(name: str, address: str, extra: str = "") -> bytes:
    message = EmailMessage()
    message["From"] = f"Sam Rivera <{OWNER}>"
    message["To"] = "assistant@example.net"
    message["Subject"] = f"Met {name}"
    message["Date"] = format_datetime(datetime.now(UTC))
    message["Message-ID"] = make_msgid(domain="example.com")
    message.set_content(f"Met {name} <{address}> at the founders breakfast.{extra}\n")
    return message.as_bytes()


def _store(app: App, notes: list[bytes]) -> list[int]:
    ids = []
    with transaction(app.sessions) as session:
        for raw in notes:
            new_id = inbound.store_fetched(session, "maildir://test", None,
                                           FetchedMessage(make_msgid(), raw),
                                           received_at=app.clock())
            assert new_id is not None
            ids.append(new_id)
    return ids


def _names(app: App) -> list[str]:
    with transaction(app.sessions) as session:
        return sorted(session.scalars(select(Contact.name)))


def _statuses(app: App, ids: list[int]) -> list[str]:
    with transaction(app.sessions) as session:
        rows = dict(session.execute(select(InboundMessage.id, InboundMessage.status)
                                    .where(InboundMessage.id.in_(ids))).all())
    return [rows[i] for i in ids]


def _outbox_keys(app: App) -> list[str]:
    with transaction(app.sessions) as session:
        return sorted(session.scalars(select(OutboxMessage.idempotency_key)))


def _fail_on_bad_person(monkeypatch, error: Exception) -> list[str]:  # noqa: ANN001
    """merge_contact raises ``error`` for Bad Person; returns the names merged before."""
    merged: list[str] = []
    real = contact_store.merge_contact

    def merge(session, **kwargs):  # noqa: ANN001, ANN003, ANN202
        if kwargs["parsed"].name == "Bad Person":
            raise error
        merged.append(kwargs["parsed"].name)
        return real(session, **kwargs)

    monkeypatch.setattr(contact_store, "merge_contact", merge)
    return merged


def test_a_batch_writes_every_note_once(app: App) -> None:
    # Given five stored notes
    ids = _store(app, [_note(name, address) for name, address in PEOPLE])
    # When they are processed as one batch, twice (a redelivered job)
    first = process.process_batch(app, ids)
    second = process.process_batch(app, ids)
    # Then each note made its contact and one acknowledgement, once
    assert first.error is None and second.error is None
    assert [o.status for o in first.outcomes] == ["processed"] * 5
    assert second.outcomes == []
    assert _names(app) == sorted(name for name, _ in PEOPLE)
    assert _outbox_keys(app) == sorted(f"ack:{i}" for i in ids)
    assert _statuses(app, ids) == ["processed"] * 5


def test_a_bug_in_one_message_fails_only_that_message(app: App, monkeypatch) -> None:  # noqa: ANN001
    merged = _fail_on_bad_person(monkeypatch, RuntimeError("a bug"))
    # Given a batch whose fourth note names someone else first, then the troublesome person
    notes = [_note(name, address) for name, address in PEOPLE]
    notes[3] = _note("Lee Chen", "lee@chen.example",
                     " Also met Bad Person <bad@trouble.example> there.")
    ids = _store(app, notes)
    # When the batch is processed
    batch = process.process_batch(app, ids)
    # Then the other four went through, and the fourth is failed and explained to its owner
    assert batch.error is None
    assert _statuses(app, ids) == ["processed"] * 3 + ["failed", "processed"]
    assert "Lee Chen" in merged  # written in the message's savepoint, then rolled back
    assert "Bad Person" not in _names(app) and "Lee Chen" not in _names(app)
    assert f"failed:{ids[3]}" in _outbox_keys(app)
    assert f"ack:{ids[3]}" not in _outbox_keys(app)
    assert len([o for o in batch.outcomes if o.status == "processed"]) == 4


def test_a_database_error_falls_back_to_one_message_at_a_time(app: App, monkeypatch) -> None:  # noqa: ANN001
    merged = _fail_on_bad_person(
        monkeypatch, OperationalError("INSERT ...", {}, Exception("server closed the connection")))
    ids = _store(app, [_note(name, address) for name, address in PEOPLE])
    # When the batch meets a database error on the fourth note
    batch = process.process_batch(app, ids)
    # Then the batch was undone and redone one message at a time: the four others are
    # processed once, the fourth stays pending and the error is handed back for the retry
    assert isinstance(batch.error, OperationalError)
    assert _statuses(app, ids) == ["processed"] * 3 + ["pending", "processed"]
    assert _names(app) == ["Ana Lima", "Jane Doe", "Raj Patel", "Tom Berg"]
    assert merged.count("Jane Doe") == 2  # once in the batch (rolled back), once on its own
    # And once the database is back, the retry finishes the fourth alone
    monkeypatch.undo()
    retry = process.process_batch(app, ids)
    assert retry.error is None and [o.status for o in retry.outcomes] == ["processed"]
    assert _outbox_keys(app) == sorted(f"ack:{i}" for i in ids)


def test_a_message_finished_by_another_worker_is_left_alone(app: App, monkeypatch) -> None:  # noqa: ANN001
    ids = _store(app, [_note(name, address) for name, address in PEOPLE[:3]])
    real_parse_phase = process._parse_phase

    def parse_then_lose_the_race(app_: App, plan) -> None:  # noqa: ANN001
        real_parse_phase(app_, plan)
        if plan.record.id == ids[1]:  # another worker finishes Raj's note meanwhile
            with transaction(app.sessions) as session:
                inbound.finish(session, ids[1], status="processed", kind="note", owner_id=None,
                               now=app.clock())

    monkeypatch.setattr(process, "_parse_phase", parse_then_lose_the_race)
    batch = process.process_batch(app, ids)
    # Then this run wrote nothing for Raj's note: no contact, no acknowledgement
    assert batch.error is None and len(batch.outcomes) == 2
    assert _names(app) == ["Ana Lima", "Jane Doe"]
    assert _outbox_keys(app) == sorted([f"ack:{ids[0]}", f"ack:{ids[2]}"])
    with transaction(app.sessions) as session:
        assert session.scalar(select(func.count()).select_from(Contact)) == 2


@pytest.mark.parametrize("people", [3, 5])  # 5: the batch's rows are written as COPY
def test_two_workers_storing_the_same_person_make_one_contact(postgres_url: str, tmp_path,  # noqa: ANN001
                                                              people: int) -> None:
    """The race only PostgreSQL lets happen (SQLite runs one writer at a time): another
    worker's transaction has inserted Raj, uncommitted, when this batch writes Raj's note."""
    app = _app_with_owner(postgres_url, tmp_path)
    with transaction(app.sessions) as session:
        owner = owners.owner_by_address(session, OWNER)
    assert owner is not None
    ids = _store(app, [_note(name, address) for name, address in PEOPLE[:people]])
    results: list[process.Batch] = []
    other = app.sessions()
    try:
        # Given another worker mid-transaction, Raj inserted but not committed
        other.begin()
        contact_store.merge_contact(other, owner_id=owner.id, inbound_id=None,
                                    parsed=ParsedContact("Raj Patel", ("raj@corvid.example",)),
                                    now=datetime.now(UTC))
        other.flush()
        # When this worker's batch reaches Raj's address, it waits on the unique key
        worker = threading.Thread(target=lambda: results.append(process.process_batch(app, ids)))
        worker.start()
        assert _wait_for_lock_wait(app), "the batch never waited on the other transaction"
        other.commit()  # and the other worker commits first
        worker.join(timeout=30)
    finally:
        other.close()
    # Then the note was written again and merged: one Raj, every note processed once
    assert results and results[0].error is None
    assert [o.status for o in results[0].outcomes] == ["processed"] * people
    assert _names(app) == sorted(name for name, _ in PEOPLE[:people])
    assert _outbox_keys(app) == sorted(f"ack:{i}" for i in ids)
    app.close()


def _wait_for_lock_wait(app: App, timeout: float = 15.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with app.engine.connect() as connection:
            waiting = connection.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock'")).scalar()
        if waiting:
            return True
        time.sleep(0.05)
    return False


def test_a_conflict_that_never_resolves_fails_only_its_message(app: App, monkeypatch) -> None:  # noqa: ANN001
    _fail_on_bad_person(monkeypatch, IntegrityError("INSERT ...", {}, Exception("duplicate")))
    ids = _store(app, [_note(name, address) for name, address in PEOPLE])
    batch = process.process_batch(app, ids)
    assert batch.error is None
    assert _statuses(app, ids) == ["processed"] * 3 + ["failed", "processed"]
    assert f"failed:{ids[3]}" in _outbox_keys(app)


def test_a_batch_that_lost_one_race_is_written_again_as_a_batch(app: App, monkeypatch) -> None:  # noqa: ANN001
    # Given a batch whose first write meets a unique key another worker took (once)
    real = contact_store.merge_contact
    raised: list[str] = []

    def merge(session, **kwargs):  # noqa: ANN001, ANN003, ANN202
        if kwargs["parsed"].name == "Bad Person" and not raised:
            raised.append("once")
            raise IntegrityError("INSERT ...", {}, Exception("duplicate"))
        return real(session, **kwargs)

    monkeypatch.setattr(contact_store, "merge_contact", merge)
    one_by_one: list[int] = []
    real_write_one = process._write_one
    monkeypatch.setattr(process, "_write_one", lambda app, session, plan, *rest: (
        one_by_one.append(plan.record.id), real_write_one(app, session, plan, *rest))[1])
    ids = _store(app, [_note(name, address) for name, address in PEOPLE])
    # When it is processed
    batch = process.process_batch(app, ids)
    # Then the whole batch is written again as one, each note once
    assert batch.error is None and raised == ["once"] and one_by_one == []
    assert _statuses(app, ids) == ["processed"] * 5
    assert _names(app) == sorted(name for name, _ in PEOPLE)
    assert _count(app, ContactEmail) == 5 and _count(app, Interaction) == 5
    assert _outbox_keys(app) == sorted(f"ack:{i}" for i in ids)


def test_a_message_naming_too_many_people_keeps_the_first_ones(app: App, monkeypatch) -> None:  # noqa: ANN001
    # Given a cap of three people per message, and a note naming five
    monkeypatch.setattr(process, "MAX_CONTACTS_PER_MESSAGE", 3)
    listed = " ".join(f"Met {name} <{address}>." for name, address in PEOPLE)
    message = EmailMessage()
    message["From"] = f"Sam Rivera <{OWNER}>"
    message["To"] = "assistant@example.net"
    message["Subject"] = "Everyone from the breakfast"
    message["Message-ID"] = make_msgid(domain="example.com")
    message.set_content(listed + "\n")
    ids = _store(app, [message.as_bytes()])
    # When it is processed
    outcome = process.process_inbound(app, ids[0])
    # Then the first three are contacts and the acknowledgement says two were left out
    assert outcome is not None and outcome.status == "processed"
    assert _names(app) == ["Ana Lima", "Jane Doe", "Raj Patel"]
    with transaction(app.sessions) as session:
        ack = session.scalar(select(OutboxMessage.raw).where(
            OutboxMessage.idempotency_key == f"ack:{ids[0]}"))
    assert ack is not None
    parsed = email.message_from_bytes(ack, policy=email.policy.default)
    body = parsed.get_body(("plain",)).get_content()  # type: ignore[union-attr]
    assert "names 2 more people" in body and "at most 3 from one message" in body


def _count(app: App, model: type) -> int:
    with transaction(app.sessions) as session:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_notes_of_one_batch_about_the_same_person_make_one_contact(app: App) -> None:
    # Given a batch in which three notes name Jane by her email, one of them by name only too
    ids = _store(app, [_note("Jane Doe", "jane@acme.example"), _note("Raj Patel",
                       "raj@corvid.example"), _note("Jane Doe", "jane@acme.example", " Again."),
                       _note("Jane Doe", "JANE@acme.example", " She runs Acme.")])
    # When the batch is processed (the rows nothing reads back are written at its end)
    batch = process.process_batch(app, ids)
    # Then Jane is one contact, with one email row, one first follow-up and three interactions
    assert batch.error is None and [o.status for o in batch.outcomes] == ["processed"] * 4
    assert _names(app) == ["Jane Doe", "Raj Patel"]
    assert _count(app, ContactEmail) == 2 and _count(app, FollowUp) == 2
    with transaction(app.sessions) as session:
        jane = session.scalar(select(Contact.id).where(Contact.name == "Jane Doe"))
        kinds = session.scalars(select(Interaction.inbound_id)
                                .where(Interaction.contact_id == jane)).all()
        facts = session.scalars(select(ContactFact.inbound_id)
                                .where(ContactFact.contact_id == jane)).all()
    assert sorted(kinds) == [ids[0], ids[2], ids[3]]
    assert set(facts) == {ids[0], ids[2], ids[3]}


def test_a_failed_message_leaves_none_of_its_deferred_rows(app: App, monkeypatch) -> None:  # noqa: ANN001
    _fail_on_bad_person(monkeypatch, RuntimeError("a bug"))
    # Given a batch whose second note names Lee (written, rows kept for the batch's end), then
    # the troublesome person
    ids = _store(app, [_note("Jane Doe", "jane@acme.example"),
                       _note("Lee Chen", "lee@chen.example",
                             " Also met Bad Person <bad@trouble.example> there."),
                       _note("Raj Patel", "raj@corvid.example")])
    # When the batch is processed
    batch = process.process_batch(app, ids)
    # Then Lee's contact and every row kept for it are gone with its message
    assert batch.error is None
    assert _statuses(app, ids) == ["processed", "failed", "processed"]
    assert _names(app) == ["Jane Doe", "Raj Patel"]
    assert _count(app, ContactEmail) == 2 and _count(app, FollowUp) == 2
    assert _count(app, Interaction) == 2
    with transaction(app.sessions) as session:
        assert set(session.scalars(select(ContactFact.inbound_id))) == {ids[0], ids[2]}


def test_each_outcome_names_its_own_acknowledgement(database_url: str,
                                                    tmp_path) -> None:  # noqa: ANN001
    app = _app_with_owner(database_url, tmp_path, burst="0")  # each note acknowledged alone
    # Given five notes, the third about the same person as the first
    notes = [_note(name, address) for name, address in PEOPLE]
    notes[2] = _note("Jane Doe", "jane@acme.example", " Again.")
    ids = _store(app, notes)
    # When they are processed as one batch
    batch = process.process_batch(app, ids)
    # Then each outcome's outbox id is the row of its own note's acknowledgement, pending
    assert batch.error is None
    with transaction(app.sessions) as session:
        rows = {row.id: (row.idempotency_key, row.status) for row in session.execute(
            select(OutboxMessage.id, OutboxMessage.idempotency_key, OutboxMessage.status))}
        followed = set(session.scalars(select(FollowUp.contact_id)))
        contacts = set(session.scalars(select(Contact.id)))
    app.close()
    assert [rows[o.outbox_ids[0]] for o in batch.outcomes] == [
        (f"ack:{i}", "pending") for i in ids]
    assert followed == contacts and len(contacts) == 4


def test_a_burst_written_in_one_batch_queues_one_acknowledgement(database_url: str,
                                                                  tmp_path) -> None:  # noqa: ANN001
    app = _app_with_owner(database_url, tmp_path, burst="300")
    try:
        # Given five notes of a burst stored together
        ids = _store(app, [_note(name, address) for name, address in PEOPLE])
        # When they are processed as one batch
        batch = process.process_batch(app, ids)
        # Then the first note's acknowledgement is queued and the four others are held
        assert batch.error is None
        with transaction(app.sessions) as session:
            statuses = dict(session.execute(select(OutboxMessage.idempotency_key,
                                                   OutboxMessage.status)).all())
        assert statuses == {f"ack:{ids[0]}": "pending",
                            **{f"ack:{i}": "held" for i in ids[1:]}}
        assert [o.outbox_ids for o in batch.outcomes][1:] == [(None,)] * 4
    finally:
        app.close()


def test_on_postgresql_a_batch_writes_its_new_contacts_and_acks_together(
        postgres_url: str, tmp_path) -> None:  # noqa: ANN001
    from sqlalchemy import event

    app = _app_with_owner(postgres_url, tmp_path, burst="0")
    try:
        ids = _store(app, [_note(name, address) for name, address in PEOPLE])
        statements: list[str] = []
        event.listen(app.engine, "before_cursor_execute",
                     lambda _c, _cur, statement, *_a: statements.append(statement))
        batch = process.process_batch(app, ids)
        assert batch.error is None
        # Then the five contacts and the five acknowledgements took one INSERT each for the
        # batch (their ids drawn together, in one statement; the contacts as one COPY)
        assert sum(s.startswith(("INSERT INTO contacts ", "COPY contacts "))
                   for s in statements) == 1
        assert sum(s.startswith("INSERT INTO outbox ") for s in statements) == 1
        assert sum("nextval" in s for s in statements) == 1
        assert _names(app) == sorted(name for name, _ in PEOPLE)
        assert _outbox_keys(app) == sorted(f"ack:{i}" for i in ids)
        # And a lone note (a contact and an acknowledgement) draws nothing: a statement each
        statements.clear()
        lone = _store(app, [_note("Lee Chen", "lee@chen.example")])
        statements.clear()
        assert process.process_batch(app, lone).error is None
        assert not any("nextval" in s for s in statements)
        assert sum(s.startswith("INSERT INTO contacts ") for s in statements) == 1
        assert f"ack:{lone[0]}" in _outbox_keys(app)
    finally:
        app.close()
