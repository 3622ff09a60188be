"""maintained A/R aging figures per tenant, basis, payer or provider and the day each open amount
started to age (statement triggers on claim_balance and billed_claim); backfilled from both

Revision ID: e2a4c6b8d0f1
Revises: d8f1a3c5e7b9
Create Date: 2026-12-02 05:00:00
"""
from alembic import op

from services.payments.adapters import aging_figures

revision = 'e2a4c6b8d0f1'
down_revision = 'd8f1a3c5e7b9'
branch_labels = None
depends_on = None


def upgrade() -> None:
    aging_figures.upgrade(op)


def downgrade() -> None:
    aging_figures.downgrade(op)
