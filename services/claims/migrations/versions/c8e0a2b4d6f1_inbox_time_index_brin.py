"""the inbox's time index as a BRIN, which takes no entry per row (`inbox_time_index_as`).

Revision ID: c8e0a2b4d6f1
Revises: d7f9b1c3e5a8
Create Date: 2026-12-07 04:30:00
"""
from shared.db.infra_migration import inbox_time_index_as

revision = 'c8e0a2b4d6f1'
down_revision = 'd7f9b1c3e5a8'
branch_labels = None
depends_on = None


def upgrade() -> None:
    inbox_time_index_as("brin")


def downgrade() -> None:
    inbox_time_index_as("btree")
