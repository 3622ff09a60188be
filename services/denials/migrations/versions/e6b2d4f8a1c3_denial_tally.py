"""maintained counts of denied claims per tenant and key (category, payer, CARC, open) for the
dashboards, kept by statement triggers on denial; backfilled from it

Revision ID: e6b2d4f8a1c3
Revises: d5f1b3c7e9a2
Create Date: 2026-12-02 02:00:00
"""
from alembic import op

from services.denials.adapters.reports import DENIAL_TALLY

revision = 'e6b2d4f8a1c3'
down_revision = 'd5f1b3c7e9a2'
branch_labels = None
depends_on = None


def upgrade() -> None:
    DENIAL_TALLY.upgrade(op)


def downgrade() -> None:
    DENIAL_TALLY.downgrade(op)
