"""payer profiles: claim filing indicator (SBR09)

Revision ID: d41f0a7c2b19
Revises: 7ac032623682
Create Date: 2026-12-01 20:10:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'd41f0a7c2b19'
down_revision = '7ac032623682'
branch_labels = None
depends_on = None

# The default payer list's programs, for tenants registered before payers carried one.
KNOWN = {"MEDICARE": "MB", "BCBS": "BL", "MEDICAID-IL": "MC"}


def upgrade() -> None:
    op.add_column('tenant_payer', sa.Column('claim_filing_indicator', sa.String(length=2), nullable=False,
                                            server_default='CI'))
    for payer_id, code in KNOWN.items():
        op.execute(sa.text("UPDATE tenant_payer SET claim_filing_indicator = :code WHERE payer_id = :payer")
                   .bindparams(code=code, payer=payer_id))


def downgrade() -> None:
    op.drop_column('tenant_payer', 'claim_filing_indicator')
