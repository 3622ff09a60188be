"""the next payer's claim: each claim's place in the encounter's payer order (SBR01), how many payers
follow it, the claim of the payer before it and that payer's adjudication; one claim per earlier claim
and place, so a redelivered 835 never bills the next payer twice

Revision ID: a7d2c5e9f1b3
Revises: f3c8a1d2b4e6
Create Date: 2026-12-02 02:15:00
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = 'a7d2c5e9f1b3'
down_revision = 'f3c8a1d2b4e6'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('claim', sa.Column('payer_sequence', sa.String(length=1), nullable=False, server_default='P'))
    op.add_column('claim', sa.Column('payers_after', sa.SmallInteger(), nullable=False, server_default='0'))
    op.add_column('claim', sa.Column('prior_claim_id', sa.Uuid(), nullable=True))
    op.add_column('claim', sa.Column('prior_payers', postgresql.JSONB(none_as_null=True), nullable=True))
    # Claims built before this revision carried their other coverages in the coded claim only.
    op.execute("UPDATE claim SET payers_after = LEAST(jsonb_array_length(coded->'other_coverages'), 2) "
               "WHERE jsonb_typeof(coded->'other_coverages') = 'array'")
    op.create_index('ux_claim_prior_claim_sequence', 'claim', ['prior_claim_id', 'payer_sequence'], unique=True,
                    postgresql_where=sa.text('prior_claim_id IS NOT NULL'))


def downgrade() -> None:
    op.drop_index('ux_claim_prior_claim_sequence', table_name='claim')
    for column in ('prior_payers', 'prior_claim_id', 'payers_after', 'payer_sequence'):
        op.drop_column('claim', column)
