"""digests: one morning email for many drafts, its numbered items, and the owner's choice

A digest is one email to the owner listing drafts by number; the owner answers several at once
by replying to it. ``digest_items`` maps each number to its follow-up and to a fingerprint of
the draft's text as shown, so a bulk answer never sends a draft that changed since. The
owner's choice between one digest and one email per draft is kept in ``approval_modes``.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 00:20:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0007'
down_revision: str | Sequence[str] | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table('digests',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('nonce', sa.String(length=64), nullable=False),
    sa.Column('message_id', sa.String(length=998), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['owners.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('nonce'),
    sqlite_autoincrement=True,
    )
    op.create_index('ix_digests_owner', 'digests', ['owner_id'], unique=False)
    op.create_index('ix_digests_message_id', 'digests', ['message_id'], unique=False)
    op.create_table('digest_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('digest_id', sa.Integer(), nullable=False),
    sa.Column('number', sa.Integer(), nullable=False),
    sa.Column('followup_id', sa.Integer(), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['digest_id'], ['digests.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['followup_id'], ['followups.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('digest_id', 'number', name='uq_digest_item_number'),
    )
    op.create_index('ix_digest_items_followup', 'digest_items', ['followup_id'], unique=False)
    op.create_table('approval_modes',
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('mode', sa.String(length=16), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['owners.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('owner_id'),
    )


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_table('approval_modes')
    op.drop_index('ix_digest_items_followup', table_name='digest_items')
    op.drop_table('digest_items')
    op.drop_index('ix_digests_message_id', table_name='digests')
    op.drop_index('ix_digests_owner', table_name='digests')
    op.drop_table('digests')
