"""the inbox's time index as a BRIN, which takes no entry per row (`inbox_time_index_as`).

Revision ID: d9f1b3c5e7a2
Revises: e8a0c2d4f6b9
Create Date: 2026-12-07 04:30:00
"""
from shared.db.infra_migration import inbox_time_index_as

revision = 'd9f1b3c5e7a2'
down_revision = 'e8a0c2d4f6b9'
branch_labels = None
depends_on = None


def upgrade() -> None:
    inbox_time_index_as("brin")


def downgrade() -> None:
    inbox_time_index_as("btree")
