"""Claim payments and reversals are posted once by a database constraint: ledger_transaction.posting_key
and a partial unique index on (tenant_id, posting_key).

Existing postings get the key they were checked by (remittance, claim, kind, payer claim number). Should
an earlier race have left twins, the first keeps the key and the later ones stay in the ledger without one,
so the index can be built and nothing posted is lost or rewritten.

Revision ID: 9d41c7a2e5b8
Revises: 630398953f84
Create Date: 2026-12-01 20:10:00
"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '9d41c7a2e5b8'
down_revision = '630398953f84'
branch_labels = None
depends_on = None

BACKFILL = """
UPDATE ledger_transaction AS t SET posting_key = k.posting_key
FROM (
    SELECT id,
           remit_id::text || '/' || claim_id::text || '/' || kind || '/' || coalesce(payer_claim_number, '')
               AS posting_key,
           row_number() OVER (PARTITION BY tenant_id, remit_id, claim_id, kind, coalesce(payer_claim_number, '')
                              ORDER BY created_at, id) AS nth
    FROM ledger_transaction
    WHERE kind IN ('payment', 'reversal') AND remit_id IS NOT NULL AND claim_id IS NOT NULL
) AS k
WHERE t.id = k.id AND k.nth = 1
"""


def upgrade() -> None:
    op.add_column('ledger_transaction',
                  sa.Column('posting_key', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True))
    op.execute(BACKFILL)
    op.create_index('ux_ledger_transaction_posting_key', 'ledger_transaction', ['tenant_id', 'posting_key'],
                    unique=True, postgresql_where=sa.text('posting_key IS NOT NULL'))


def downgrade() -> None:
    op.drop_index('ux_ledger_transaction_posting_key', table_name='ledger_transaction',
                  postgresql_where=sa.text('posting_key IS NOT NULL'))
    op.drop_column('ledger_transaction', 'posting_key')
