"""maintained daily figures per tenant for A/R KPIs: ledger flows per account and UTC day (trigger on
ledger_entry beside the balances' one), billed claims' charges per UTC day and billing lag (triggers on
billed_claim); backfilled from both

Revision ID: d8f1a3c5e7b9
Revises: b5e8d1f4a2c7
Create Date: 2026-12-02 02:00:00
"""
from alembic import op
import sqlalchemy as sa

from services.payments.adapters import period_figures

revision = 'd8f1a3c5e7b9'
down_revision = 'b5e8d1f4a2c7'
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in period_figures.tables(sa.MetaData()):
        table.create(op.get_bind())
    op.execute("LOCK TABLE ledger_entry, ledger_transaction, billed_claim IN SHARE MODE")
    for statement in period_figures.BACKFILL:
        op.execute(statement)
    for statement in (period_figures.FLOW_TRIGGER_FUNCTION_JOINED, period_figures.FLOW_TRIGGER,
                      period_figures.CHARGE_TRIGGER_FUNCTION, *period_figures.CHARGE_TRIGGERS):
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TRIGGER ledger_entry_daily_flows ON ledger_entry")
    for name in ("insert", "update", "delete"):
        op.execute(f"DROP TRIGGER billed_claim_daily_charges_{name} ON billed_claim")
    op.execute("DROP FUNCTION ledger_entry_daily_flows()")
    op.execute("DROP FUNCTION billed_claim_daily_charges()")
    op.drop_table('tenant_daily_charge')
    op.drop_table('tenant_daily_flow')
