"""a receivable's place in the encounter's payer order and how many payers follow it; a later payer's
claim names the first claim, whose receivable its payments post against

Revision ID: b5e8d1f4a2c7
Revises: c4e7a9b1d3f5
Create Date: 2026-12-02 02:20:00
"""
from alembic import op
import sqlalchemy as sa

revision = 'b5e8d1f4a2c7'
down_revision = 'c4e7a9b1d3f5'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('billed_claim', sa.Column('payer_sequence', sa.String(length=1), nullable=False, server_default='P'))
    op.add_column('billed_claim', sa.Column('payers_after', sa.SmallInteger(), nullable=False, server_default='0'))
    op.add_column('billed_claim', sa.Column('receivable_claim_id', sa.Uuid(), nullable=True))


def downgrade() -> None:
    for column in ('receivable_claim_id', 'payers_after', 'payer_sequence'):
        op.drop_column('billed_claim', column)
