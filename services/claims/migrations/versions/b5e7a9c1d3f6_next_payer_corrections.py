"""a later payer's claim can be corrected: only the first claim billed to each place is unique per earlier
claim; replacements and voids of it are unique by their own claim number

Revision ID: b5e7a9c1d3f6
Revises: a7d3e5f9b2c4
Create Date: 2026-12-02 05:00:00
"""
from alembic import op
import sqlalchemy as sa

revision = 'b5e7a9c1d3f6'
down_revision = 'a7d3e5f9b2c4'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index('ux_claim_prior_claim_sequence', table_name='claim')
    op.create_index('ux_claim_prior_claim_sequence', 'claim', ['prior_claim_id', 'payer_sequence'], unique=True,
                    postgresql_where=sa.text("prior_claim_id IS NOT NULL AND frequency_code = '1'"))


def downgrade() -> None:
    op.drop_index('ux_claim_prior_claim_sequence', table_name='claim')
    op.create_index('ux_claim_prior_claim_sequence', 'claim', ['prior_claim_id', 'payer_sequence'], unique=True,
                    postgresql_where=sa.text('prior_claim_id IS NOT NULL'))
