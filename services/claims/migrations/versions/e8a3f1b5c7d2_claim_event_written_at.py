"""claim timeline steps carry the moment they were written (clock_timestamp), not their transaction's start

Revision ID: e8a3f1b5c7d2
Revises: 3590447ab039
Create Date: 2026-12-01 21:10:00
"""
from alembic import op
import sqlalchemy as sa


revision = 'e8a3f1b5c7d2'
down_revision = '3590447ab039'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.alter_column('claim_event', 'at', server_default=sa.text('clock_timestamp()'))


def downgrade() -> None:
    op.alter_column('claim_event', 'at', server_default=sa.text('now()'))
