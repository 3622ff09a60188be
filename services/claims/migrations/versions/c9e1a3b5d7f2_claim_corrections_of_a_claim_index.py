"""a claim's corrections by (tenant, original claim): how many a claim has, and its open voids when a reversal
comes, were read through the tenant's claims (or the whole table, in a generic plan) and filtered on
original_claim_id, which no index led with. Partial: only replacements and voids name an original claim, so
the claims of a first bill, nearly all of the table, take no entry at any of their steps.

Built CONCURRENTLY, without blocking the services' writes.

Revision ID: c9e1a3b5d7f2
Revises: b7d9f1a3c5e7
Create Date: 2026-12-06 15:30:00
"""
from alembic import op

revision = 'c9e1a3b5d7f2'
down_revision = 'b7d9f1a3c5e7'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_claim_corrections_of ON claim "
                   "(tenant_id, original_claim_id) WHERE original_claim_id IS NOT NULL")


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_claim_corrections_of")
