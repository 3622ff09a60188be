"""the inbox's time index as a BRIN, which takes no entry per row (`inbox_time_index_as`).

Revision ID: a6c8e0b2d4f7
Revises: b5d7f9a1c3e6
Create Date: 2026-12-07 04:30:00
"""
from shared.db.infra_migration import inbox_time_index_as

revision = 'a6c8e0b2d4f7'
down_revision = 'b5d7f9a1c3e6'
branch_labels = None
depends_on = None


def upgrade() -> None:
    inbox_time_index_as("brin")


def downgrade() -> None:
    inbox_time_index_as("btree")
