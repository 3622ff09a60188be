"""maintained denial analytics figures per tenant and UTC day: claim payments adjudicated and denied by
payer, provider and procedure (triggers on adjudicated_claim and submitted_claim), denials and amounts
by CARC, category, root cause and SLA state (triggers on denial); backfilled from them

Revision ID: f7c9e1a3b5d2
Revises: e6b2d4f8a1c3
Create Date: 2026-12-02 05:00:00
"""
from alembic import op

from services.denials.adapters import analytics_figures

revision = 'f7c9e1a3b5d2'
down_revision = 'e6b2d4f8a1c3'
branch_labels = None
depends_on = None


def upgrade() -> None:
    analytics_figures.upgrade(op)


def downgrade() -> None:
    analytics_figures.downgrade(op)
