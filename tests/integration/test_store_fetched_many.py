"""Storing a fetched batch in one go leaves the same rows as storing its messages one by one:
new messages, a message stored before under another position (its position follows), the same
bytes twice in one fetch (the later position is kept), and a position already taken."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from assistant.store import inbound
from assistant.store.db import make_engine, session_factory, transaction, upgrade
from assistant.store.inbound import FetchedMessage
from assistant.store.models import InboundMessage

BOX = "imap://sam@x/INBOX"


def _raw(n: int) -> bytes:
    return (f"From: sam@x.example\r\nMessage-ID: <{n}@x>\r\nSubject: {n}\r\n\r\n"
            f"note {n}\r\n").encode()


BEFORE = [FetchedMessage("1", _raw(1), 1), FetchedMessage("2", _raw(2), 2)]
FETCHED = [FetchedMessage("3", _raw(3), 3), FetchedMessage("7", _raw(1), 7),  # 1 moved to 7
           FetchedMessage("4", _raw(4), 4), FetchedMessage("5", _raw(4), 5),  # 4 twice
           FetchedMessage("2", _raw(6), 2), FetchedMessage("8", _raw(8), 8)]  # 2 is taken


def _rows(database_url: str, many: bool) -> tuple[list[int], list[tuple[object, ...]]]:
    upgrade(database_url)
    engine = make_engine(database_url)
    sessions = session_factory(engine)
    start = datetime(2026, 12, 6, 8, 0, tzinfo=UTC)
    ticks = iter(start + timedelta(seconds=n) for n in range(100))
    with transaction(sessions) as session:
        for message in BEFORE:
            inbound.store_fetched(session, BOX, 5, message, received_at=next(ticks))
        with session.begin_nested():  # the rows are read back as they stand now
            session.execute(InboundMessage.__table__.update().values(moved=True))
    with transaction(sessions) as session:
        if many:
            ids = inbound.store_fetched_many(session, BOX, 6, FETCHED, clock=lambda: next(ticks))
        else:
            found = [inbound.store_fetched(session, BOX, 6, m, received_at=next(ticks))
                     for m in FETCHED]
            ids = [i for i in found if i is not None]
    with transaction(sessions) as session:
        rows = session.execute(select(
            InboundMessage.id, InboundMessage.source_ref, InboundMessage.uid,
            InboundMessage.uidvalidity, InboundMessage.sha256, InboundMessage.moved,
            InboundMessage.status, InboundMessage.message_id, InboundMessage.size,
            InboundMessage.raw).order_by(InboundMessage.id)).all()
    engine.dispose()
    return ids, [tuple(row) for row in rows]


def test_a_batch_stored_at_once_leaves_the_rows_one_by_one_leaves(database_url: str,
                                                                  tmp_path) -> None:  # noqa: ANN001
    # Given the same mailbox history stored one message at a time, then as one batch
    one_by_one = _rows(database_url, many=False)
    _drop_all(database_url)
    at_once = _rows(database_url, many=True)
    # Then the new ids and every row are the same
    assert at_once == one_by_one
    ids, rows = at_once
    assert len(ids) == 3 and [r[1] for r in rows] == ["7", "2", "3", "5", "8"]


def _drop_all(database_url: str) -> None:
    from assistant.store.models import Base

    engine = make_engine(database_url)
    with engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    engine.dispose()
