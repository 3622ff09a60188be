"""maintained claim counts per tenant and key (status, scrubbed, clean, first adjudication by payer)
for the dashboards, kept by statement triggers on claim and claim_event; backfilled from both

Revision ID: a7d3e5f9b2c4
Revises: a7d2e9c4b1f3
Create Date: 2026-12-02 02:00:00
"""
from alembic import op

from services.claims.adapters.reports import CLAIM_TALLY

revision = 'a7d3e5f9b2c4'
down_revision = 'a7d2e9c4b1f3'
branch_labels = None
depends_on = None


def upgrade() -> None:
    CLAIM_TALLY.upgrade(op)


def downgrade() -> None:
    CLAIM_TALLY.downgrade(op)
