"""partial indexes for the loops that read every tenant's claims: ready claims by age (eligibility and
batching) and sent claims still owed an answer by submission (status inquiry)

Revision ID: a7d2e9c4b1f3
Revises: a7d2c5e9f1b3
Create Date: 2026-12-02 02:20:00
"""
from alembic import op
import sqlalchemy as sa

revision = 'a7d2e9c4b1f3'
down_revision = 'a7d2c5e9f1b3'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_claim_ready_created', 'claim', ['created_at'], postgresql_where=sa.text("status = 'ready'"))
    op.create_index('ix_claim_inquiry_due', 'claim', ['submitted_at'], postgresql_where=sa.text(
        "status IN ('submitted', 'accepted') AND remit_received_at IS NULL AND submitted_at IS NOT NULL"))


def downgrade() -> None:
    op.drop_index('ix_claim_inquiry_due', table_name='claim')
    op.drop_index('ix_claim_ready_created', table_name='claim')
