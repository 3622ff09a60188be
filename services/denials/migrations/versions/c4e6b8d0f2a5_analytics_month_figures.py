"""denial analytics' figures summed per tenant and month too (adjudication_month_figure,
denial_month_figure: statement triggers on the day tables), and an index of the per-day dimensions

Revision ID: c4e6b8d0f2a5
Revises: b2d4f6a8c0e3
Create Date: 2026-12-02 14:50:00
"""
from alembic import op

from services.denials.adapters import analytics_figures

revision = 'c4e6b8d0f2a5'
down_revision = 'b2d4f6a8c0e3'
branch_labels = None
depends_on = None


def upgrade() -> None:
    analytics_figures.upgrade_months(op)


def downgrade() -> None:
    analytics_figures.downgrade_months(op)
