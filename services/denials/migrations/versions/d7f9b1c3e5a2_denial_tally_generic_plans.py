"""the denial counts' refresh function plans its statements once per connection (generic plans) instead
of at every call

Revision ID: d7f9b1c3e5a2
Revises: f7c9e1a3b5d2
Create Date: 2026-12-02 06:10:00
"""
from alembic import op

from services.denials.adapters.reports import DENIAL_TALLY

revision = 'd7f9b1c3e5a2'
down_revision = 'f7c9e1a3b5d2'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(DENIAL_TALLY.refresh_function(one_statement=False))


def downgrade() -> None:
    op.execute(DENIAL_TALLY.refresh_function(generic_plans=False, one_statement=False))
