"""Row ids drawn ahead from PostgreSQL's sequences, so a batch's new rows need no RETURNING.

A batch of notes creates a contact row for most people it names and one outbox row (the
acknowledgement) per note; with ``INSERT ... RETURNING id`` each is a statement and a round
trip of its own, because the id is needed at once (the contact's emails, facts and follow-up
point at it; the send job is given the outbox id). Inside ``drawing(session, ...)`` the ids
are drawn from the tables' own sequences, all of them in one statement the first time one is
taken, and the rows are written with those ids together with the batch's other deferred rows
(``deferred``): one executemany per table at the end of the batch instead of one statement
per row.

Ids drawn and not used (fewer contacts created than named, a batch undone) are gaps in the
sequence, as a rolled-back INSERT leaves. On SQLite, and for a batch of fewer than
``FEWEST_ROWS`` rows, nothing is drawn (``take`` returns None) and the rows are written as
before.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Integer, bindparam, text
from sqlalchemy.orm import Session

_KEY = "drawn_ids"
# Drawing is a statement of its own: worth it from this many rows on (a lone note naming one
# person writes its contact and its acknowledgement with a statement each, as before)
FEWEST_ROWS = 4
CONTACTS = "contacts"
OUTBOX = "outbox"

# Both sequences in one statement: (table, id) rows, as many of each as asked for
_DRAW = text(
    "SELECT 'contacts', nextval(pg_get_serial_sequence('contacts', 'id')) "
    "FROM generate_series(1, :contacts) "
    "UNION ALL "
    "SELECT 'outbox', nextval(pg_get_serial_sequence('outbox', 'id')) "
    "FROM generate_series(1, :outbox)").bindparams(
    bindparam("contacts", type_=Integer), bindparam("outbox", type_=Integer))


class _Pool:
    def __init__(self, wanted: dict[str, int]) -> None:
        self.wanted = wanted
        self.ids: dict[str, list[int]] | None = None  # drawn on first use
        self.lending = False


@contextmanager
def drawing(session: Session, *, contacts: int, outbox: int) -> Iterator[None]:
    """Inside the block, up to ``contacts`` contact ids and ``outbox`` outbox ids may be
    taken (``take``, only within ``lending``); nothing is drawn unless one is taken."""
    if session.get_bind().dialect.name != "postgresql" or contacts + outbox < FEWEST_ROWS:
        yield
        return
    session.info[_KEY] = _Pool({CONTACTS: max(contacts, 0), OUTBOX: max(outbox, 0)})
    try:
        yield
    finally:
        session.info.pop(_KEY, None)


@contextmanager
def lending(session: Session) -> Iterator[None]:
    """Let ``take`` hand out ids while the block runs (a plain note's writes, whose rows
    nothing reads back before the batch's deferred rows are written, but through the
    lookups that write them first)."""
    pool: _Pool | None = session.info.get(_KEY)
    if pool is None:
        yield
        return
    pool.lending = True
    try:
        yield
    finally:
        pool.lending = False


def take(session: Session, table: str) -> int | None:
    """A drawn id for a new row of ``table``, or None: not lending here, not PostgreSQL, or
    the ids drawn for the batch are used up (the row is then written as before)."""
    pool: _Pool | None = session.info.get(_KEY)
    if pool is None or not pool.lending:
        return None
    if pool.ids is None:
        pool.ids = {CONTACTS: [], OUTBOX: []}
        for name, value in session.connection().execute(_DRAW, pool.wanted):
            pool.ids[name].append(int(value))
        for drawn in pool.ids.values():
            drawn.reverse()  # popped in the order drawn
    left = pool.ids.get(table)
    return left.pop() if left else None
