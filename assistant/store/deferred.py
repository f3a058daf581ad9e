"""Rows written together at the end of a unit of work instead of one statement each.

Processing a batch of notes writes, for every new contact, its emails, phones, facts and
interaction, and a first follow-up: rows nothing in the batch reads back, except a later note
naming the same person. Inside ``deferring(session)`` those rows are kept and written when the
block ends, one executemany per statement (one round trip each on PostgreSQL), inside the same
transaction and savepoint: they commit or roll back with everything else the block wrote.
Outside such a block they are written at once, as before. The new status of each message
is kept the same way, and checked: when another worker finished one of them first, writing
them raises ``RowsMissed`` and the caller undoes the block.

What reads them first calls ``flush`` (or ``flush_if_touching``): the contact lookup when a
note names an email or a name a contact created earlier in the block has, and any message that
is not a plain note (an ``undo``, a correction, a command reads what notes wrote).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy.orm import Session

from assistant.store.db import rowcount

_KEY = "deferred_rows"


class RowsMissed(Exception):
    """An UPDATE kept with ``each_matches`` matched fewer rows than it was given (a message
    another worker finished first): the block's writes are to be undone."""


class _Rows:
    """The rows kept in one block, by statement, in the order they came."""

    def __init__(self) -> None:
        self.rows: dict[Any, list[dict[str, Any]]] = {}
        self.keys: set[tuple[int, str]] = set()  # (owner id, email or name key) kept
        self.checked: set[Any] = set()  # statements each of whose rows must match one row
        self.first: set[Any] = set()  # statements written before the others (rows they point at)

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


def active(session: Session) -> bool:
    """Whether rows added now are kept for the end of a block."""
    return session.info.get(_KEY) is not None


def add(session: Session, statement: Any, rows: list[dict[str, Any]],
        keys: Iterable[tuple[int, str]] = (), *, each_matches: bool = False,
        first: bool = False) -> None:
    """``rows`` for ``statement`` (a plain INSERT or UPDATE built once): kept when a block is
    open, else written now. ``keys`` name what a later lookup may find through these rows
    ((owner id, email) and (owner id, name key)), so that lookup flushes them first.
    ``each_matches``: an UPDATE whose every row must match one row (or an INSERT ... ON
    CONFLICT DO NOTHING RETURNING whose every row must be written), else ``RowsMissed``. ``first``:
    written before the statements that came earlier (the rows others point at: contacts)."""
    if not rows:
        return
    kept: _Rows | None = session.info.get(_KEY)
    if kept is None:
        _execute(session, statement, rows, each_matches)
        return
    kept.rows.setdefault(statement, []).extend(rows)
    kept.keys.update(keys)
    if each_matches:
        kept.checked.add(statement)
    if first:
        kept.first.add(statement)


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
    # in the order each statement first came, the ones others point at before the rest
    ordered = sorted(rows.items(), key=lambda item: item[0] not in kept.first)
    for statement, values in ordered:
        _execute(session, statement, values, statement in kept.checked)


def _execute(session: Session, statement: Any, rows: list[dict[str, Any]],
             each_matches: bool) -> None:
    result = session.connection().execute(statement, rows)
    if not each_matches:
        return
    # an INSERT ... RETURNING (of many rows, written as one multi-row INSERT) counts the rows
    # it returns; an UPDATE, the rows it matched
    matched = len(result.all()) if result.returns_rows else rowcount(result)
    if matched != len(rows):
        raise RowsMissed(f"{len(rows)} row(s) given, {matched} matched")
