"""the denial counts' refresh computes each claim's keys once, in one statement, instead of three
statements that each read the keys view

Revision ID: e9a1c3d5f7b2
Revises: d7f9b1c3e5a2
Create Date: 2026-12-02 08:10:00
"""
from alembic import op

from services.denials.adapters.reports import DENIAL_TALLY

revision = 'e9a1c3d5f7b2'
down_revision = 'd7f9b1c3e5a2'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(DENIAL_TALLY.refresh_function(members_upserted=True))


def downgrade() -> None:
    op.execute(DENIAL_TALLY.refresh_function(one_statement=False))
