"""every tenant's denied-claim counts per key in one row (denial_tally_all), kept by triggers on
denial_tally, for the ops figures

Revision ID: b2d4f6a8c0e3
Revises: e9a1c3d5f7b2
Create Date: 2026-12-02 14:30:00
"""
from alembic import op

from services.denials.adapters.reports import DENIAL_TALLY_ROLLUP, denial_tally

revision = 'b2d4f6a8c0e3'
down_revision = 'e9a1c3d5f7b2'
branch_labels = None
depends_on = None


def upgrade() -> None:
    DENIAL_TALLY_ROLLUP.upgrade(op, denial_tally)


def downgrade() -> None:
    DENIAL_TALLY_ROLLUP.downgrade(op)
