"""the ops dashboard's figures maintained over every tenant (balances per account, charges per UTC day of
submission); A/R KPIs' open balances, daily charges and daily flows read from covering indexes; every
tenant's open suspense items counted from a partial index

Revision ID: c3e5a7b9d1f4
Revises: e2a4c6b8d0f1
Create Date: 2026-12-02 14:40:00
"""
from alembic import op

from services.payments.adapters import ops_figures
from services.payments.adapters.tables import BilledClaim, TenantAccountBalance

revision = 'c3e5a7b9d1f4'
down_revision = 'e2a4c6b8d0f1'
branch_labels = None
depends_on = None


def upgrade() -> None:
    ops_figures.upgrade(op, TenantAccountBalance.__table__, BilledClaim.__table__)
    op.execute("DROP INDEX ix_claim_balance_open")
    op.execute("CREATE INDEX ix_claim_balance_open ON claim_balance (tenant_id) INCLUDE (insurance_ar, patient_ar) "
               "WHERE insurance_ar <> 0 OR patient_ar <> 0")
    # A database made from this revision's table definitions has the index already.
    op.execute("ALTER TABLE tenant_daily_charge DROP CONSTRAINT IF EXISTS uq_tenant_daily_charge")
    op.execute("DROP INDEX IF EXISTS uq_tenant_daily_charge")
    op.execute("CREATE UNIQUE INDEX uq_tenant_daily_charge ON tenant_daily_charge (tenant_id, day, lag_days) "
               "INCLUDE (claims, charges) NULLS NOT DISTINCT")
    op.execute("CREATE INDEX ix_suspense_item_open ON suspense_item (tenant_id) WHERE status = 'open'")
    op.execute("ALTER TABLE tenant_daily_flow DROP CONSTRAINT IF EXISTS tenant_daily_flow_pkey")
    op.execute("CREATE UNIQUE INDEX IF NOT EXISTS uq_tenant_daily_flow ON tenant_daily_flow (tenant_id, day, account) "
               "INCLUDE (amount)")


def downgrade() -> None:
    op.execute("DROP INDEX uq_tenant_daily_flow")
    op.execute("ALTER TABLE tenant_daily_flow ADD PRIMARY KEY (tenant_id, day, account)")
    op.execute("DROP INDEX ix_suspense_item_open")
    op.execute("DROP INDEX uq_tenant_daily_charge")
    op.execute("ALTER TABLE tenant_daily_charge ADD CONSTRAINT uq_tenant_daily_charge "
               "UNIQUE NULLS NOT DISTINCT (tenant_id, day, lag_days)")
    op.execute("DROP INDEX ix_claim_balance_open")
    op.execute("CREATE INDEX ix_claim_balance_open ON claim_balance (tenant_id) WHERE insurance_ar <> 0 OR patient_ar <> 0")
    ops_figures.downgrade(op)
