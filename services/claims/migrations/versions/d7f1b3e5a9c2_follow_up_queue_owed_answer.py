"""the follow-up queue's index holds only the claims still owed an answer: `ix_claim_awaiting_answer` took
every sent claim without a remittance, rejected ones too, and those pile up with the years (the queue
read each one's heap page to drop it by status). `ix_claim_owed_answer` has the same key (tenant, payer,
submission) and the queue's status list in its predicate. A claim takes the same entries as before while it
waits (at the hand-over and at the 277CA) and none when the 277CA rejects it.

Built and dropped CONCURRENTLY, without blocking the services' writes.

Revision ID: d7f1b3e5a9c2
Revises: b9d1f3a5c7e2
Create Date: 2026-12-03 13:00:00
"""
from alembic import op

revision = 'd7f1b3e5a9c2'
down_revision = 'b9d1f3a5c7e2'
branch_labels = None
depends_on = None

SENT = "remit_received_at IS NULL AND submitted_at IS NOT NULL"
OWED = f"status IN ('submitted', 'accepted', 'paid', 'partial', 'denied') AND {SENT}"


def upgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_claim_owed_answer ON claim "
                   f"(tenant_id, payer_id, submitted_at) WHERE {OWED}")
        op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_claim_awaiting_answer")


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_claim_awaiting_answer ON claim "
                   f"(tenant_id, payer_id, submitted_at) WHERE {SENT}")
        op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_claim_owed_answer")
