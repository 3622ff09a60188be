"""the claim counts count a new claim from its row: an INSERT of `claim` gives each claim with no hold,
rejection or adjudication in the timeline, and no member row, the keys its status gives, without the keys view;
any other inserted claim is refreshed through the view as before

Revision ID: f5a7c9e1b3d5
Revises: a3f5b7d9e1c4
Create Date: 2026-12-06 06:40:00
"""
from dataclasses import replace

from alembic import op

from services.claims.adapters.reports import CLAIM_SOURCE, CLAIM_TALLY
from shared.db.tally import refresh_trigger_function

revision = 'f5a7c9e1b3d5'
down_revision = 'a3f5b7d9e1c4'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(refresh_trigger_function(CLAIM_TALLY.name, CLAIM_SOURCE))


def downgrade() -> None:
    op.execute(refresh_trigger_function(CLAIM_TALLY.name, replace(CLAIM_SOURCE, new_item_keys=None)))
