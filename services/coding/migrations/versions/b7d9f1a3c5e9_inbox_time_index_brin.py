"""the inbox's time index as a BRIN, which takes no entry per row (`inbox_time_index_as`).

Revision ID: b7d9f1a3c5e9
Revises: c4e1a7b3d9f2
Create Date: 2026-12-07 04:30:00
"""
from shared.db.infra_migration import inbox_time_index_as

revision = 'b7d9f1a3c5e9'
down_revision = 'c4e1a7b3d9f2'
branch_labels = None
depends_on = None


def upgrade() -> None:
    inbox_time_index_as("brin")


def downgrade() -> None:
    inbox_time_index_as("btree")
