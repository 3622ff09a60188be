"""the ledger's figures from one statement trigger: the balances' upserts and the daily flows' run by one
function, in the order the two triggers ran them, so a posting statement fires one trigger, not two

Revision ID: a9c1e3f5b7d2
Revises: e6b8d0f2a4c9
Create Date: 2026-12-06 04:45:00
"""
from alembic import op

from services.payments.adapters import ledger_figures

revision = 'a9c1e3f5b7d2'
down_revision = 'e6b8d0f2a4c9'
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in ledger_figures.install():
        op.execute(statement)


def downgrade() -> None:
    for statement in ledger_figures.uninstall():
        op.execute(statement)
