"""every tenant's claim counts per key in one row (claim_tally_all), kept by triggers on claim_tally, for
the ops figures; the awaiting claims' index by payer, so the follow-up queue seeks each payer's overdue
claims

Revision ID: a1c3e5b7d9f2
Revises: d5f7a9b1c3e8
Create Date: 2026-12-02 14:30:00
"""
from alembic import op

from services.claims.adapters.reports import CLAIM_TALLY_ROLLUP, claim_tally

revision = 'a1c3e5b7d9f2'
down_revision = 'd5f7a9b1c3e8'
branch_labels = None
depends_on = None

AWAITING = "WHERE remit_received_at IS NULL AND submitted_at IS NOT NULL"


def upgrade() -> None:
    CLAIM_TALLY_ROLLUP.upgrade(op, claim_tally)
    op.execute("DROP INDEX ix_claim_awaiting_answer")
    op.execute(f"CREATE INDEX ix_claim_awaiting_answer ON claim (tenant_id, payer_id, submitted_at) {AWAITING}")


def downgrade() -> None:
    op.execute("DROP INDEX ix_claim_awaiting_answer")
    op.execute(f"CREATE INDEX ix_claim_awaiting_answer ON claim (tenant_id, submitted_at) {AWAITING}")
    CLAIM_TALLY_ROLLUP.downgrade(op)
