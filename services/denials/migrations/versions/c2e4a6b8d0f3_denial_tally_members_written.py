"""the denial counts' refresh writes its member rows with a plain update or insert, as the keys it read
before say, instead of an upsert: no speculative insert and no logged row lock per denied claim, and a
claim whose keys did not change is not touched

Revision ID: c2e4a6b8d0f3
Revises: a8d2f4b6c1e9
Create Date: 2026-12-03 11:10:00
"""
from alembic import op

from services.denials.adapters.reports import DENIAL_TALLY

revision = 'c2e4a6b8d0f3'
down_revision = 'a8d2f4b6c1e9'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(DENIAL_TALLY.refresh_function())


def downgrade() -> None:
    op.execute(DENIAL_TALLY.refresh_function(members_upserted=True))
