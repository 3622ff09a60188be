"""the inbox's time index as a BRIN, which takes no entry per row (`inbox_time_index_as`).

Revision ID: e0a2c4d6f8b3
Revises: f9b1d3e5a7c0
Create Date: 2026-12-07 04:30:00
"""
from shared.db.infra_migration import inbox_time_index_as

revision = 'e0a2c4d6f8b3'
down_revision = 'f9b1d3e5a7c0'
branch_labels = None
depends_on = None


def upgrade() -> None:
    inbox_time_index_as("brin")


def downgrade() -> None:
    inbox_time_index_as("btree")
