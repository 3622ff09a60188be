"""encounter_intake without `ix_encounter_intake_tenant_id`: its one column leads the unique key
(tenant, external id), which serves every read by tenant alone as well (the encounters list, the flow checks'
and the bench's rows of a tenant), so each accepted encounter took an index entry no read needed. Dropped
CONCURRENTLY (the intake goes on); the downgrade builds it back CONCURRENTLY.

Revision ID: f4b6d8a0c2e5
Revises: 30ebecffa13f
Create Date: 2026-12-06 20:00:00
"""
from alembic import op

revision = 'f4b6d8a0c2e5'
down_revision = '30ebecffa13f'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_encounter_intake_tenant_id")


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_encounter_intake_tenant_id ON encounter_intake (tenant_id)")
