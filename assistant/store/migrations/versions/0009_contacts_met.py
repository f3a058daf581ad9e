"""contacts keep the parser's "not met yet": the follow-up to someone the owner has not met
introduces the owner and never says they met

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 11:00:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    with op.batch_alter_table("contacts") as batch:
        batch.add_column(sa.Column("met", sa.Boolean(), server_default=sa.true(), nullable=False))


def downgrade() -> None:
    """Downgrade schema."""
    with op.batch_alter_table("contacts") as batch:
        batch.drop_column("met")
