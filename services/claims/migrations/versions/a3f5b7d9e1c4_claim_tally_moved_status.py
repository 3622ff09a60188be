"""the claim counts follow a claim's status step without computing its keys again: an update of `claim`
that changes only `status`, between statuses past `built`, replaces the `status:` key in the claim's member
row and moves one count (`claim_tally_move`); every other update is refreshed through the keys view as before

Revision ID: a3f5b7d9e1c4
Revises: e4b6d8f0a2c1
Create Date: 2026-12-06 03:50:00
"""
from dataclasses import replace

from alembic import op

from services.claims.adapters.reports import CLAIM_TALLY
from shared.db.tally import refresh_trigger_function

revision = 'a3f5b7d9e1c4'
down_revision = 'e4b6d8f0a2c1'
branch_labels = None
depends_on = None

CLAIM_SOURCE = next(source for source in CLAIM_TALLY.sources if source.table == "claim")


def upgrade() -> None:
    op.execute(CLAIM_TALLY.move_function())
    op.execute(refresh_trigger_function(CLAIM_TALLY.name, CLAIM_SOURCE))


def downgrade() -> None:
    op.execute(refresh_trigger_function(CLAIM_TALLY.name, replace(CLAIM_SOURCE, moved_key=None)))
    op.execute(f"DROP FUNCTION IF EXISTS {CLAIM_TALLY.name}_move(uuid[], text[], text[], uuid[])")
