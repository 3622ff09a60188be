"""the claim counts' refresh computes each claim's keys once, in one statement, instead of three
statements that each read the keys view

Revision ID: d5f7a9b1c3e8
Revises: c4e6a8b0d2f1
Create Date: 2026-12-02 08:10:00
"""
from alembic import op

from services.claims.adapters.reports import CLAIM_TALLY

revision = 'd5f7a9b1c3e8'
down_revision = 'c4e6a8b0d2f1'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(CLAIM_TALLY.refresh_function(members_upserted=True))


def downgrade() -> None:
    op.execute(CLAIM_TALLY.refresh_function(one_statement=False))
