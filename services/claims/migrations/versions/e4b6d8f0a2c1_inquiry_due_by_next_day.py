"""the status inquiry's partial index keyed by the day a claim may next be asked about: claims already asked and
waiting for their next day are left out of the loop's read instead of filtered from it

Revision ID: e4b6d8f0a2c1
Revises: d63859479a5c
Create Date: 2026-12-03 17:00:00
"""
from alembic import op
import sqlalchemy as sa

revision = 'e4b6d8f0a2c1'
down_revision = 'd63859479a5c'
branch_labels = None
depends_on = None

AWAITING_INQUIRY = "status IN ('submitted', 'accepted') AND remit_received_at IS NULL AND submitted_at IS NOT NULL"
INQUIRY_DAY = "coalesce(next_inquiry_on, CASE WHEN status_inquired_at IS NULL THEN '-infinity'::date END)"


def upgrade() -> None:
    op.create_index('ix_claim_inquiry_next', 'claim', [sa.text(INQUIRY_DAY), 'submitted_at'],
                    postgresql_where=sa.text(AWAITING_INQUIRY))
    op.drop_index('ix_claim_inquiry_due', table_name='claim')


def downgrade() -> None:
    op.create_index('ix_claim_inquiry_due', 'claim', ['submitted_at'], postgresql_where=sa.text(AWAITING_INQUIRY))
    op.drop_index('ix_claim_inquiry_next', table_name='claim')
