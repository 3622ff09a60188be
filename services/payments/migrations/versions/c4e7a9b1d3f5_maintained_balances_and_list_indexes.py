"""maintained balances (each claim's open A/R, each tenant's account totals) kept by a trigger on
ledger_entry; indexes that match the suspense list, the period queries and the claim postings

Revision ID: c4e7a9b1d3f5
Revises: b83590ade443
Create Date: 2026-12-01 23:15:00
"""
from alembic import op
import sqlalchemy as sa

from services.payments.adapters import balances

revision = 'c4e7a9b1d3f5'
down_revision = 'b83590ade443'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'claim_balance',
        sa.Column('claim_id', sa.Uuid(), primary_key=True),
        sa.Column('tenant_id', sa.Uuid(), nullable=False),
        sa.Column('insurance_ar', sa.Numeric(12, 2), nullable=False, server_default='0'),
        sa.Column('patient_ar', sa.Numeric(12, 2), nullable=False, server_default='0'),
        sa.Column('patient_since', sa.DateTime(timezone=True), nullable=True))
    op.create_index('ix_claim_balance_open', 'claim_balance', ['tenant_id'],
                    postgresql_where=sa.text('insurance_ar <> 0 OR patient_ar <> 0'))
    op.create_table(
        'tenant_account_balance',
        sa.Column('tenant_id', sa.Uuid(), primary_key=True),
        sa.Column('account', sa.String(40), primary_key=True),
        sa.Column('amount', sa.Numeric(14, 2), nullable=False))
    op.execute("LOCK TABLE ledger_entry IN SHARE MODE")  # no posting between the backfill and the trigger
    for statement in balances.BACKFILL:
        op.execute(statement)
    op.execute(balances.TRIGGER_FUNCTION_JOINED)
    op.execute(balances.TRIGGER)
    op.create_index('ix_suspense_item_tenant_status_id', 'suspense_item', ['tenant_id', 'status', 'id'])
    op.create_index('ix_ledger_transaction_tenant_created', 'ledger_transaction', ['tenant_id', 'created_at'])
    op.create_index('ix_ledger_transaction_claim_created', 'ledger_transaction', ['claim_id', 'created_at'])
    op.create_index('ix_billed_claim_tenant_submitted', 'billed_claim', ['tenant_id', 'submitted_at'],
                    postgresql_include=['total_charge'])
    op.create_index('ix_billed_claim_submitted', 'billed_claim', ['submitted_at'], postgresql_include=['total_charge'])
    op.drop_index('ix_suspense_item_tenant_id', table_name='suspense_item')
    op.drop_index('ix_ledger_transaction_tenant_id', table_name='ledger_transaction')
    op.drop_index('ix_ledger_transaction_claim_id', table_name='ledger_transaction')
    op.drop_index('ix_billed_claim_tenant_id', table_name='billed_claim')


def downgrade() -> None:
    op.create_index('ix_billed_claim_tenant_id', 'billed_claim', ['tenant_id'])
    op.create_index('ix_ledger_transaction_claim_id', 'ledger_transaction', ['claim_id'])
    op.create_index('ix_ledger_transaction_tenant_id', 'ledger_transaction', ['tenant_id'])
    op.create_index('ix_suspense_item_tenant_id', 'suspense_item', ['tenant_id'])
    for name, table in (('ix_billed_claim_submitted', 'billed_claim'), ('ix_billed_claim_tenant_submitted', 'billed_claim'),
                        ('ix_ledger_transaction_claim_created', 'ledger_transaction'),
                        ('ix_ledger_transaction_tenant_created', 'ledger_transaction'),
                        ('ix_suspense_item_tenant_status_id', 'suspense_item')):
        op.drop_index(name, table_name=table)
    op.execute("DROP TRIGGER ledger_entry_balances ON ledger_entry")
    op.execute("DROP FUNCTION ledger_entry_maintain_balances()")
    op.drop_table('tenant_account_balance')
    op.drop_table('claim_balance')
