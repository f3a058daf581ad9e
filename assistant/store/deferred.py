"""Rows written together at the end of a unit of work instead of one statement each.

Processing a batch of notes writes, for every new contact, its emails, phones, facts and
interaction, and a first follow-up: rows nothing in the batch reads back, except a later note
naming the same person. Inside ``deferring(session)`` those rows are kept and written when the
block ends, one executemany per statement (one round trip each on PostgreSQL; a plain INSERT of
several rows there is one COPY, see below), inside the same transaction and savepoint: they
commit or roll back with everything else the block wrote. Outside such a block they are written
at once, as before. The new status of each message is kept the same way, and checked: when
another worker finished one of them first, writing them raises ``RowsMissed`` and the caller
undoes the block.

What reads them first calls ``flush`` (or ``flush_if_touching``): the contact lookup when a
note names an email or a name a contact created earlier in the block has, and any message that
is not a plain note (an ``undo``, a correction, a command reads what notes wrote).
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from sqlalchemy import Boolean, Connection, Date, DateTime, Integer, String, Table
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import Insert

from assistant.store.db import rowcount
from assistant.store.models import UTCDateTime

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
    connection = session.connection()
    if not each_matches and len(rows) >= COPY_FROM_ROWS and _copied(connection, statement, rows):
        return
    result = connection.execute(statement, rows)
    if not each_matches:
        return
    # an INSERT ... RETURNING (of many rows, written as one multi-row INSERT) counts the rows
    # it returns; an UPDATE, the rows it matched
    matched = len(result.all()) if result.returns_rows else rowcount(result)
    if matched != len(rows):
        raise RowsMissed(f"{len(rows)} row(s) given, {matched} matched")


# -- plain INSERTs of many rows as COPY on PostgreSQL ---------------------------------------
#
# psycopg's executemany sends one INSERT per row (pipelined, prepared): about 19 us of the
# worker's CPU and 12 us of the server's per row, and a batch of notes writes some 15 rows per
# note this way (facts, contacts, their emails, phones and interactions). ``COPY ... FROM
# STDIN`` writes the same rows, in the same transaction and savepoint, for about a seventh of
# that on both sides. Only a plain INSERT of a table's own columns qualifies (no RETURNING, no
# ON CONFLICT), with every row naming the same columns; the Python-side scalar defaults the
# INSERT would have filled in are filled in the same way, the columns' bind processing is
# applied, and the other columns are left to the server's defaults, as the INSERT leaves them.
# A database error is raised as SQLAlchemy raises it for the INSERT (``IntegrityError`` for a
# unique key another worker took first, which the caller writes again).

COPY_FROM_ROWS = 4  # fewer rows go as executemany (COPY costs an extra round trip)
_COPYABLE_TYPES = (Integer, String, Boolean, DateTime, Date, UTCDateTime)


def _copied(connection: Connection, statement: Any, rows: list[dict[str, Any]]) -> bool:
    """Whether the rows were written with COPY (else nothing was done)."""
    if connection.dialect.name != "postgresql" or connection.dialect.driver != "psycopg":
        return False
    keys = tuple(rows[0])
    plan = _copy_plan(connection.dialect, statement, keys)
    if plan is None or any(len(row) != len(keys) or row.keys() != rows[0].keys()
                           for row in rows):
        return False
    sql, columns = plan
    cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    # the engine's statement listeners see the COPY as they see the INSERT it replaces
    for listener in connection.dispatch.before_cursor_execute:
        listener(connection, cursor, sql, rows, None, True)
    try:
        with cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row([column(row) for column in columns])
    except psycopg.Error as exc:
        raise DBAPIError.instance(sql, None, exc, psycopg.Error,
                                  dialect=connection.dialect) from exc
    finally:
        cursor.close()
    connection.dispatch.after_cursor_execute(connection, cursor, sql, rows, None, True)
    return True


@functools.lru_cache(maxsize=64)
def _copy_plan(dialect: Any, statement: Any,
               keys: tuple[str, ...]) -> tuple[str, list[Callable[[dict[str, Any]], Any]]] | None:
    """The COPY statement for these rows of a plain INSERT, and how to read each column's
    value from a row; None when the INSERT is not a plain one of these keys."""
    if not isinstance(statement, Insert) or not isinstance(statement.table, Table):
        return None
    if (statement._returning or statement._post_values_clause is not None  # noqa: SLF001
            or statement._values or statement._multi_values):  # noqa: SLF001
        return None
    table = statement.table
    if not set(keys) <= set(table.c.keys()):
        return None
    names: list[str] = []
    columns: list[Callable[[dict[str, Any]], Any]] = []
    for column in table.c:
        read: Callable[[dict[str, Any]], Any]
        if not isinstance(column.type, _COPYABLE_TYPES):
            return None
        if column.key in keys:
            read = operator.itemgetter(column.key)
        elif column.default is None:
            continue  # the server's default, as the INSERT leaves it
        elif getattr(column.default, "is_scalar", False):
            read = _constant(column.default.arg)  # type: ignore[union-attr]
        else:
            return None  # a callable or SQL default: the INSERT computes it
        process = column.type.bind_processor(dialect)
        columns.append(read if process is None else _processed(read, process))
        names.append(dialect.identifier_preparer.quote(column.name))
    sql = (f"COPY {dialect.identifier_preparer.format_table(table)} ({', '.join(names)}) "
           "FROM STDIN")
    return sql, columns


def _constant(value: Any) -> Callable[[dict[str, Any]], Any]:
    return lambda _row: value


def _processed(read: Callable[[dict[str, Any]], Any],
               process: Callable[[Any], Any]) -> Callable[[dict[str, Any]], Any]:
    return lambda row: process(read(row))
