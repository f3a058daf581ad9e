"""follow-up ids never reused: outbox keys and approval tokens name follow-ups by id

On SQLite a table without AUTOINCREMENT hands the largest rowid out again once that row is
deleted (``undo`` deletes follow-ups), so a new follow-up could inherit a cancelled one's
outbox row or approval token. PostgreSQL sequences never go back: nothing to do there.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05 22:30:00

"""
from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0006'
down_revision: str | Sequence[str] | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    if op.get_bind().dialect.name != "sqlite":
        return
    with op.batch_alter_table('followups', recreate='always',
                              table_kwargs={'sqlite_autoincrement': True}):
        pass


def downgrade() -> None:
    """Downgrade schema."""
    if op.get_bind().dialect.name != "sqlite":
        return
    with op.batch_alter_table('followups', recreate='always',
                              table_kwargs={'sqlite_autoincrement': False}):
        pass
