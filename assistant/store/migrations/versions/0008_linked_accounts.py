"""the owner's own mailbox: linked accounts and the replies seen in it

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 00:30:00

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0008'
down_revision: str | Sequence[str] | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Upgrade schema."""
    op.create_table(
        'linked_accounts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('owner_id', sa.Integer(), nullable=False),
        sa.Column('imap_url', sa.String(length=1000), nullable=False),
        sa.Column('smtp_url', sa.String(length=1000), nullable=False),
        sa.Column('auth', sa.String(length=16), nullable=False),
        sa.Column('sent_folder', sa.String(length=500), nullable=True),
        sa.Column('sent_filed', sa.Boolean(), nullable=True),
        sa.Column('uidvalidity', sa.BigInteger(), nullable=True),
        sa.Column('last_uid', sa.BigInteger(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['owner_id'], ['owners.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('owner_id'),
    )
    op.create_table(
        'seen_replies',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('owner_id', sa.Integer(), nullable=False),
        sa.Column('contact_id', sa.Integer(), nullable=False),
        sa.Column('message_key', sa.String(length=998), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['owner_id'], ['owners.id'], ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['contact_id'], ['contacts.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('owner_id', 'message_key', name='uq_seen_reply'),
    )
    op.create_index('ix_seen_replies_contact_id', 'seen_replies', ['contact_id'])


def downgrade() -> None:
    """Downgrade schema."""
    op.drop_index('ix_seen_replies_contact_id', table_name='seen_replies')
    op.drop_table('seen_replies')
    op.drop_table('linked_accounts')
