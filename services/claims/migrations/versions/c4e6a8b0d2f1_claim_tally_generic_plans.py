"""the claim counts' refresh function plans its statements once per connection (generic plans) instead
of at every call

Revision ID: c4e6a8b0d2f1
Revises: b5e7a9c1d3f6
Create Date: 2026-12-02 06:10:00
"""
from alembic import op

from services.claims.adapters.reports import CLAIM_TALLY

revision = 'c4e6a8b0d2f1'
down_revision = 'b5e7a9c1d3f6'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(CLAIM_TALLY.refresh_function(one_statement=False))


def downgrade() -> None:
    op.execute(CLAIM_TALLY.refresh_function(generic_plans=False, one_statement=False))
