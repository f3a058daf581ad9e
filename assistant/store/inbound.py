"""The inbound store: raw bytes kept, keyed by mailbox position and by content hash."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from assistant.store import deferred
from assistant.store.db import rowcount, table_of
from assistant.store.models import InboundMessage

DONE_STATUSES = ("processed", "ignored", "failed", "quarantined")


@dataclass(frozen=True)
class FetchedMessage:
    """One message read from a mailbox, before it is stored."""

    source_ref: str
    raw: bytes
    uid: int | None = None


@dataclass(frozen=True)
class InboundRecord:
    id: int
    mailbox: str
    source_ref: str
    status: str
    raw: bytes
    received_at: datetime
    owner_id: int | None
    error: str | None


@dataclass(frozen=True)
class PendingMove:
    id: int
    source_ref: str
    uid: int | None
    failed: bool


def known_refs(session: Session, mailbox: str, refs: Iterable[str]) -> set[str]:
    wanted = list(refs)
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        found.update(session.scalars(select(InboundMessage.source_ref).where(
            InboundMessage.mailbox == mailbox, InboundMessage.source_ref.in_(chunk))))
    return found


def store_fetched(session: Session, mailbox: str, uidvalidity: int | None,
                  message: FetchedMessage, *, received_at: datetime) -> int | None:
    """Keep the raw bytes; returns the new row's id, or None when the message is known.

    A message already stored under another position (same sha256: the server changed
    UIDVALIDITY, or the message was re-delivered) gets its position updated, so it can still be
    moved, and is not processed again.
    """
    digest = hashlib.sha256(message.raw).hexdigest()
    existing = session.scalars(select(InboundMessage).where(
        InboundMessage.mailbox == mailbox, InboundMessage.sha256 == digest)).first()
    if existing is not None:
        existing.source_ref, existing.uid, existing.uidvalidity = (
            message.source_ref, message.uid, uidvalidity)
        existing.moved = False
        return None
    row = InboundMessage(mailbox=mailbox, source_ref=message.source_ref, uid=message.uid,
                         uidvalidity=uidvalidity, sha256=digest, size=len(message.raw),
                         message_id=_message_id_hint(message.raw), raw=message.raw,
                         received_at=received_at, status="pending")
    try:
        with session.begin_nested():
            session.add(row)
    except IntegrityError:
        return None  # another watcher stored it first: its row stands
    return row.id


def store_fetched_many(session: Session, mailbox: str, uidvalidity: int | None,
                       messages: Iterable[FetchedMessage], *,
                       clock: Callable[[], datetime]) -> list[int]:
    """``store_fetched`` for each message, in order; the new rows' ids. The content hashes
    already stored are looked up in one statement and each new row is one INSERT ... ON
    CONFLICT DO NOTHING (no savepoint): a row another watcher stored first, under either
    unique key, stands, as ``store_fetched``'s IntegrityError path leaves it. ``clock`` gives
    each new row its arrival time."""
    fetched = [(message, hashlib.sha256(message.raw).hexdigest()) for message in messages]
    table = table_of(InboundMessage)
    stored: dict[str, InboundMessage | int] = {}
    for start in range(0, len(fetched), 500):
        digests = list({digest for _, digest in fetched[start:start + 500]})
        stored.update((row.sha256, row) for row in session.scalars(select(InboundMessage).where(
            InboundMessage.mailbox == mailbox, InboundMessage.sha256.in_(digests))))
    connection = session.connection()
    new_ids: list[int] = []
    for message, digest in fetched:
        existing = stored.get(digest)
        position = {"source_ref": message.source_ref, "uid": message.uid,
                    "uidvalidity": uidvalidity, "moved": False}
        if isinstance(existing, InboundMessage):  # stored before: its position follows
            for key, value in position.items():
                setattr(existing, key, value)
            session.flush()  # before the next INSERT, as store_fetched's next lookup did
            continue
        if existing is not None:  # the same bytes twice in this fetch: the later position
            connection.execute(update(table).where(table.c.id == existing).values(**position))
            continue
        new_id = connection.execute(_insert_fetched(connection.dialect.name), {
            "mailbox": mailbox, "source_ref": message.source_ref, "uid": message.uid,
            "uidvalidity": uidvalidity, "sha256": digest, "size": len(message.raw),
            "message_id": _message_id_hint(message.raw), "raw": message.raw,
            "received_at": clock(), "status": "pending", "moved": False}).scalar()
        if new_id is not None:
            stored[digest] = int(new_id)
            new_ids.append(int(new_id))
    return new_ids


@functools.cache
def _insert_fetched(dialect: str) -> Any:
    """INSERT ... ON CONFLICT DO NOTHING RETURNING id, for a conflict on any unique key."""
    from sqlalchemy.dialects import postgresql, sqlite

    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    table = table_of(InboundMessage)
    return insert(table).on_conflict_do_nothing().returning(table.c.id)


def _message_id_hint(raw: bytes) -> str | None:
    """Message-ID read from the raw header block without a full parse (a hint only)."""
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    for line in head.splitlines():
        if line[:11].lower() == b"message-id:":
            return line[11:].strip().decode("ascii", "replace")[:998] or None
    return None


def load(session: Session, inbound_id: int) -> InboundRecord | None:
    row = session.get(InboundMessage, inbound_id)
    if row is None:
        return None
    return InboundRecord(id=row.id, mailbox=row.mailbox, source_ref=row.source_ref,
                         status=row.status, raw=row.raw, received_at=row.received_at,
                         owner_id=row.owner_id, error=row.error)


def load_pending(session: Session, inbound_ids: Iterable[int]) -> list[InboundRecord]:
    """The messages among ``inbound_ids`` still waiting to be processed, in id order."""
    rows = session.scalars(select(InboundMessage).where(
        InboundMessage.id.in_(list(inbound_ids)), InboundMessage.status == "pending")
        .order_by(InboundMessage.id))
    return [InboundRecord(id=row.id, mailbox=row.mailbox, source_ref=row.source_ref,
                          status=row.status, raw=row.raw, received_at=row.received_at,
                          owner_id=row.owner_id, error=row.error) for row in rows]


def finish(session: Session, inbound_id: int, *, status: str, kind: str | None,
           owner_id: int | None, now: datetime, error: str | None = None) -> bool:
    """Record the outcome of a pending message; False when it was not pending any more (another
    worker finished it first; on PostgreSQL this waits for that worker's transaction)."""
    result = session.connection().execute(_FINISH, {
        "pending_id": inbound_id, "status": status, "kind": kind, "owner_id": owner_id,
        "error": error, "processed_at": now})
    return rowcount(result) == 1


def finish_with_batch(session: Session, inbound_id: int, *, status: str, kind: str | None,
                      owner_id: int | None, now: datetime, error: str | None = None) -> None:
    """``finish``, written with the other messages' at the end of the batch being written
    (``deferred``); when one of them is no longer pending then, ``deferred.RowsMissed`` is
    raised and the batch's writes are undone. Outside a batch it is written now."""
    deferred.add(session, _FINISH, [{
        "pending_id": inbound_id, "status": status, "kind": kind, "owner_id": owner_id,
        "error": error, "processed_at": now}], each_matches=True)


# Built once (once per message otherwise): the new values come as parameters
_FINISH = update(table_of(InboundMessage)).where(
    table_of(InboundMessage).c.id == bindparam("pending_id"),
    table_of(InboundMessage).c.status == "pending")



def pending_moves(session: Session, mailbox: str, uidvalidity: int | None) -> list[PendingMove]:
    rows = session.execute(select(InboundMessage.id, InboundMessage.source_ref,
                                  InboundMessage.uid, InboundMessage.status).where(
        InboundMessage.mailbox == mailbox, InboundMessage.moved.is_(False),
        InboundMessage.status.in_(DONE_STATUSES),
        InboundMessage.uidvalidity.is_(uidvalidity) if uidvalidity is None
        else InboundMessage.uidvalidity == uidvalidity,
    ).order_by(InboundMessage.id)).all()
    return [PendingMove(id=r.id, source_ref=r.source_ref, uid=r.uid,
                        failed=r.status in ("failed", "quarantined")) for r in rows]


def mark_moved(session: Session, ids: Iterable[int]) -> None:
    session.execute(update(InboundMessage).where(InboundMessage.id.in_(list(ids)))
                    .values(moved=True))
