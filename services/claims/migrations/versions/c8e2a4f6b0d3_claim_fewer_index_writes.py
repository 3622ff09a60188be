"""two fewer full indexes on claim, whose row is rewritten (never HOT: each step changes its status) at
every step of a claim, so each index took an entry per step: `ix_claim_status` served no read (every read
by status names the tenant or is a partial index's own predicate); `ix_claim_submitted_at` becomes
`ix_claim_tenant_submitted`, the tenant's submitted claims by submission, which the lag report reads and
which the steps before submission no longer write

The indexes are built and dropped CONCURRENTLY: on a table of a million claims the build reads the table
twice (seconds) without blocking the services' writes.

Revision ID: c8e2a4f6b0d3
Revises: a1c3e5b7d9f2
Create Date: 2026-12-03 10:20:00
"""
from alembic import op

revision = 'c8e2a4f6b0d3'
down_revision = 'a1c3e5b7d9f2'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_claim_tenant_submitted ON claim "
                   "(tenant_id, submitted_at) WHERE submitted_at IS NOT NULL")
        op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_claim_submitted_at")
        op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_claim_status")


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_claim_status ON claim (status)")
        op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_claim_submitted_at ON claim (submitted_at)")
        op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_claim_tenant_submitted")
