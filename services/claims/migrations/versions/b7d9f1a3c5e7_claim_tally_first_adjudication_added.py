"""the claim counts add a claim's first adjudication without the keys view: an INSERT of `claim_event` whose
rows for a claim are all adjudications of its tenant, for a claim whose member row holds no `adjudicated:` key,
appends the payer's keys read from the first of them and the claim's row; any other claim of the statement is
refreshed through the view as before

Revision ID: b7d9f1a3c5e7
Revises: f5a7c9e1b3d5
Create Date: 2026-12-06 07:00:00
"""
from dataclasses import replace

from alembic import op

from services.claims.adapters.reports import CLAIM_TALLY, TIMELINE
from shared.db.tally import refresh_trigger_function

revision = 'b7d9f1a3c5e7'
down_revision = 'f5a7c9e1b3d5'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(refresh_trigger_function(CLAIM_TALLY.name, TIMELINE))


def downgrade() -> None:
    op.execute(refresh_trigger_function(CLAIM_TALLY.name, replace(TIMELINE, first_row_keys=None)))
