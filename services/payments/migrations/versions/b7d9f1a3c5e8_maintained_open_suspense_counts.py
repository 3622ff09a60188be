"""open suspense items counted per tenant and over every tenant in maintained rows (statement triggers on
suspense_item), instead of an index scan of every open item at each dashboard read; the partial index that
scan used goes

Revision ID: b7d9f1a3c5e8
Revises: a637f0b06cd2
Create Date: 2026-12-03 19:00:00
"""
from alembic import op

from services.payments.adapters import ops_figures
from services.payments.adapters.tables import SuspenseItem

revision = 'b7d9f1a3c5e8'
down_revision = 'a637f0b06cd2'
branch_labels = None
depends_on = None


def upgrade() -> None:
    ops_figures.upgrade_suspense_counts(op, SuspenseItem.__table__)
    op.execute("DROP INDEX ix_suspense_item_open")


def downgrade() -> None:
    op.execute("CREATE INDEX ix_suspense_item_open ON suspense_item (tenant_id) WHERE status = 'open'")
    ops_figures.downgrade_suspense_counts(op)
