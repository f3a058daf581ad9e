"""Rows written together at the end of a unit of work instead of one statement each.

Processing a batch of notes writes, for every new contact, its emails, phones, facts and
interaction, and a first follow-up: rows nothing in the batch reads back, except a later note
naming the same person. Inside ``deferring(session)`` those rows are kept and written when the
block ends, one executemany per statement (one round trip each on PostgreSQL), inside the same
transaction and savepoint: they commit or roll back with everything else the block wrote.
Outside such a block they are written at once, as before.

What reads them first calls ``flush`` (or ``flush_if_touching``): the contact lookup when a
note names an email or a name a contact created earlier in the block has, and any message that
is not a plain note (an ``undo``, a correction, a command reads what notes wrote).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.orm import Session

_KEY = "deferred_rows"


class _Rows:
    """The rows kept in one block, by statement, in the order they came."""

    def __init__(self) -> None:
        self.rows: dict[Any, list[dict[str, Any]]] = {}
        self.keys: set[tuple[int, str]] = set()  # (owner id, email or name key) kept

    def __bool__(self) -> bool:
        return bool(self.rows)


@contextmanager
def deferring(session: Session) -> Iterator[None]:
    """Keep deferrable rows while the block runs; write them when it ends without an error,
    drop them when it raises (the caller's savepoint or transaction is undone anyway)."""
    previous = session.info.get(_KEY)
    rows = _Rows()
    session.info[_KEY] = rows
    try:
        yield
        _write(session, rows)
    finally:
        if previous is None:
            session.info.pop(_KEY, None)
        else:
            session.info[_KEY] = previous


def add(session: Session, statement: Any, rows: list[dict[str, Any]],
        keys: Iterable[tuple[int, str]] = ()) -> None:
    """``rows`` for ``statement`` (a plain INSERT built once): kept when a block is open,
    else written now. ``keys`` name what a later lookup may find through these rows
    ((owner id, email) and (owner id, name key)), so that lookup flushes them first."""
    if not rows:
        return
    kept: _Rows | None = session.info.get(_KEY)
    if kept is None:
        session.connection().execute(statement, rows)
        return
    kept.rows.setdefault(statement, []).extend(rows)
    kept.keys.update(keys)


def flush(session: Session) -> None:
    """Write what is kept now (before a read that may need it)."""
    kept: _Rows | None = session.info.get(_KEY)
    if kept:
        _write(session, kept)


def flush_if_touching(session: Session, keys: Iterable[tuple[int, str]]) -> None:
    """``flush`` when any of ``keys`` is among the kept rows' keys."""
    kept: _Rows | None = session.info.get(_KEY)
    if kept and not kept.keys.isdisjoint(keys):
        _write(session, kept)


def _write(session: Session, kept: _Rows) -> None:
    if not kept.rows:
        return
    rows, kept.rows, kept.keys = kept.rows, {}, set()
    connection = session.connection()
    for statement, values in rows.items():  # in the order each statement first came
        connection.execute(statement, values)
