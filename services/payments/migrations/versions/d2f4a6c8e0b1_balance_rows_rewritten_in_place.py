"""claims' balances and their A/R aging members rewritten in place: `ix_claim_balance_open` (the tenant's
open balances, carrying the amounts) served the A/R KPIs' open totals, which read the tenant's account totals
now; no read uses it, and because it named the amounts every balance update wrote a new entry in it and in the
primary key (never HOT). Without it, and with room left on the pages of both tables (whose only index is the
claim's id), a posting's update of a claim's balance and the refresh's of its member stay on their pages.

The fill factor applies to pages filled from now on, and setting it blocks no reads or writes; the index
is dropped (and, on a downgrade, built) CONCURRENTLY, without blocking the postings.

Revision ID: d2f4a6c8e0b1
Revises: a9c1e3f5b7d2
Create Date: 2026-12-06 06:40:00
"""
from alembic import op

from services.payments.adapters.aging_figures import MEMBER_FILLFACTOR
from services.payments.adapters.balances import OPEN_BALANCES_INDEX
from services.payments.adapters.tables import CLAIM_BALANCE_FILLFACTOR

revision = 'd2f4a6c8e0b1'
down_revision = 'a9c1e3f5b7d2'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(f"ALTER TABLE claim_balance SET (fillfactor = {CLAIM_BALANCE_FILLFACTOR})")
    op.execute(f"ALTER TABLE ar_aging_member SET (fillfactor = {MEMBER_FILLFACTOR})")
    with op.get_context().autocommit_block():
        op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_claim_balance_open")


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute(OPEN_BALANCES_INDEX)
    op.execute("ALTER TABLE ar_aging_member RESET (fillfactor)")
    op.execute("ALTER TABLE claim_balance RESET (fillfactor)")
