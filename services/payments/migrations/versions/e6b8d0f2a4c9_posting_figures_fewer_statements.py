"""the posting's maintained figures in fewer statements and lookups: the A/R aging refresh reads the claims'
items once, in one statement that writes the members (only those whose figures changed) and adds the
figures; the balances' and daily flows' triggers look each transaction up by its key instead of joining
every entry with the transactions table

Revision ID: e6b8d0f2a4c9
Revises: b7d9f1a3c5e8
Create Date: 2026-12-05 06:30:00
"""
from alembic import op

from services.payments.adapters import balances, period_figures
from services.payments.adapters.aging_figures import refresh_function

revision = 'e6b8d0f2a4c9'
down_revision = 'b7d9f1a3c5e8'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(refresh_function())
    op.execute(balances.TRIGGER_FUNCTION)
    op.execute(period_figures.FLOW_TRIGGER_FUNCTION)


def downgrade() -> None:
    op.execute(period_figures.FLOW_TRIGGER_FUNCTION_JOINED)
    op.execute(balances.TRIGGER_FUNCTION_JOINED)
    op.execute(refresh_function(one_statement=False))
