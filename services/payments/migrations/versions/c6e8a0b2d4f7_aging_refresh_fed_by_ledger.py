"""the A/R aging refresh called by the ledger's trigger with the claims whose balances it wrote: the claims'
balances upsert returns their ids and the trigger's function passes them to `ar_aging_refresh`, where
`claim_balance`'s statement triggers handed it the claims of the upsert's transition tables. Those triggers
stay for the statements run directly (tests, a backfill, an operator's fix), not for the ledger's.

The function and the triggers are replaced in one transaction, after the postings under way have ended (a
lock on ledger_entry that holds the next ones back), so no posting refreshes its claims twice or not at all.
Run again on a database already upgraded, it replaces them with the same.

Revision ID: c6e8a0b2d4f7
Revises: d2f4a6c8e0b1
Create Date: 2026-12-06 09:45:00
"""
from alembic import op

from services.payments.adapters import ledger_figures

revision = 'c6e8a0b2d4f7'
down_revision = 'd2f4a6c8e0b1'
branch_labels = None
depends_on = None


def upgrade() -> None:
    for statement in (ledger_figures.POSTINGS_HELD, *ledger_figures.feed_aging_refresh()):
        op.execute(statement)


def downgrade() -> None:
    for statement in (ledger_figures.POSTINGS_HELD, *ledger_figures.follow_aging_refresh()):
        op.execute(statement)
