"""coded_encounter without `ix_coded_encounter_tenant_id`: its one column leads `ix_coded_encounter_same_day`
(tenant, rendering NPI, date of service), which serves every read by tenant alone as well (the review queue's
tenant, the flow checks' and the bench's rows of a tenant), so each coded encounter took an index entry no read
needed. Dropped CONCURRENTLY (the writers go on); the downgrade builds it back CONCURRENTLY.

Revision ID: e3a5c7b9d1f4
Revises: 35512fb3b447
Create Date: 2026-12-06 20:00:00
"""
from alembic import op

revision = 'e3a5c7b9d1f4'
down_revision = '35512fb3b447'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_coded_encounter_tenant_id")


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_coded_encounter_tenant_id ON coded_encounter (tenant_id)")
