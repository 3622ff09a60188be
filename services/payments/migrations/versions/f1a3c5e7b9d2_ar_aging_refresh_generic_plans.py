"""the A/R aging refresh function plans its statements once per connection (generic plans) instead of at
its first calls on every connection and, for some statements, at every call

Revision ID: f1a3c5e7b9d2
Revises: c3e5a7b9d1f4
Create Date: 2026-12-03 07:40:00
"""
from alembic import op

from services.payments.adapters.aging_figures import refresh_function

revision = 'f1a3c5e7b9d2'
down_revision = 'c3e5a7b9d1f4'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(refresh_function(one_statement=False))


def downgrade() -> None:
    op.execute(refresh_function(generic_plans=False, one_statement=False))
