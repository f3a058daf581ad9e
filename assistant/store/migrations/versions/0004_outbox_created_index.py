"""outbox created_at index: the hourly reply limit reads only the last hour's rows

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 16:10:00

"""
from collections.abc import Sequence

from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0004'
down_revision: str | Sequence[str] | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_index('ix_outbox_created', 'outbox', ['created_at'], unique=False)


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index('ix_outbox_created', table_name='outbox')
