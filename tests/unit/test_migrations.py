"""The migrations build exactly the schema the models describe."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from assistant.store.db import upgrade
from assistant.store.models import Base


def test_migrated_schema_matches_the_models(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'schema.db'}"
    upgrade(url)
    engine = create_engine(url)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []


def test_schema_head_is_alembics_head() -> None:
    from assistant.store.db import SCHEMA_HEAD, head_revision

    assert head_revision("sqlite://") == SCHEMA_HEAD


def test_ensure_schema_migrates_a_new_database_and_leaves_a_current_one(
        tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from assistant.store import db

    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    assert db.stored_revision(url) is None
    db.ensure_schema(url)
    assert db.stored_revision(url) == db.SCHEMA_HEAD

    def no_upgrade(*_args: object) -> None:
        raise AssertionError("a current schema is not migrated again")

    monkeypatch.setattr(db, "upgrade", no_upgrade)
    db.ensure_schema(url)  # already at head: Alembic is not run


def test_ensure_schema_brings_an_older_schema_up(tmp_path: Path) -> None:
    from assistant.store import db

    url = f"sqlite:///{tmp_path / 'old.db'}"
    upgrade(url, "0009")
    assert db.stored_revision(url) == "0009"
    db.ensure_schema(url)
    assert db.stored_revision(url) == db.SCHEMA_HEAD


def test_a_worker_importing_the_store_does_not_load_alembic() -> None:
    import subprocess
    import sys

    code = "import sys, assistant.runtime; print('alembic' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "False"
