"""The engine, sessions and migrations.

SQLite (the embedded default) runs in WAL mode with a busy timeout so the watcher and the
worker threads can write while others read; PostgreSQL is used as it is.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from sqlalchemy import Engine, Table, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "savepoint", _sqlite_begin_before_savepoint)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def _sqlite_begin_before_savepoint(connection, _name) -> None:  # type: ignore[no-untyped-def]
    """Python's sqlite3 opens a transaction only before INSERT/UPDATE/DELETE; a SAVEPOINT
    issued before any of those starts a transaction of its own that its RELEASE commits,
    so writes inside it would escape the enclosing transaction's rollback. Open the real
    transaction first (IMMEDIATE: a savepoint is there to write; taking the write lock now
    waits for other writers instead of failing on a stale read snapshot later)."""
    dbapi_connection = connection.connection.dbapi_connection
    if dbapi_connection is not None and not dbapi_connection.in_transaction:
        dbapi_connection.execute("BEGIN IMMEDIATE")


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(sessions: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: committed when the block ends, rolled back when it raises."""
    with sessions() as session, session.begin():
        yield session


def alembic_config(url: str) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


# The newest migration's revision (a unit test holds it to Alembic's own head): a process that
# finds the schema there already never loads Alembic, about 12 MB of a worker's memory.
SCHEMA_HEAD = "0010"


def ensure_schema(url: str) -> None:
    """Bring the schema to the newest revision, migrating only when it is behind."""
    if stored_revision(url) != SCHEMA_HEAD:
        upgrade(url)


def stored_revision(url: str) -> str | None:
    """The revision the database records, read with plain SQL; None before any migration."""
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except SQLAlchemyError:
        return None  # no version table yet: a new database
    finally:
        engine.dispose()


def upgrade(url: str, revision: str = "head") -> None:
    """Bring the schema to ``revision`` (``assistant db upgrade``)."""
    from alembic import command  # a worker that never migrates never loads Alembic

    command.upgrade(alembic_config(url), revision)


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision(url: str) -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(url)).get_current_head()


def table_of(model: type[Any]) -> Table:
    """A mapped class's table, for plain Core statements that skip the ORM's bookkeeping."""
    return cast(Table, model.__table__)


def insert_once(session: Session, model: type[Any], values: dict[str, Any],
                unique: list[str]) -> int | None:
    """INSERT ... ON CONFLICT DO NOTHING RETURNING id: the new row's id, or None when a row
    with the same ``unique`` columns exists (one statement, no savepoint; SQLite and
    PostgreSQL both speak it)."""
    connection = session.connection()
    statement = _insert_once(connection.dialect.name, table_of(model), tuple(unique))
    new_id = connection.execute(statement, values).scalar()
    return None if new_id is None else int(new_id)


@functools.cache
def _insert_once(dialect: str, table: Table, unique: tuple[str, ...]) -> Any:
    """The statement, built once per table: the values come as parameters (its columns are
    the keys given), so each call skips building and checking a new statement."""
    from sqlalchemy.dialects import postgresql, sqlite

    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return (insert(table).on_conflict_do_nothing(index_elements=list(unique))
            .returning(table.c.id))


def insert_returning_new(dialect: str, table: Table, unique: tuple[str, ...]) -> Any:
    """INSERT ... ON CONFLICT DO NOTHING RETURNING id, for rows written many at a time
    (``deferred``), whose returned ids count the rows written: the same statement as
    ``insert_once``'s."""
    return _insert_once(dialect, table, unique)


@functools.cache
def insert_ignoring(dialect: str, table: Table, unique: tuple[str, ...]) -> Any:
    """INSERT ... ON CONFLICT DO NOTHING without RETURNING, for rows written many at a time
    (``deferred``), built once per table."""
    from sqlalchemy.dialects import postgresql, sqlite

    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(table).on_conflict_do_nothing(index_elements=list(unique))


def rowcount(result: object) -> int:
    """Rows an UPDATE matched (a CursorResult, which SQLAlchemy types as a plain Result)."""
    return int(getattr(result, "rowcount", 0))
