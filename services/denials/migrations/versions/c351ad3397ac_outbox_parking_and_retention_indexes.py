"""outbox parking and retention indexes

Revision ID: c351ad3397ac
Revises: b41c7d2e9a10
Create Date: 2026-12-01 20:30:00.000000
"""
from shared.db.infra_migration import add_outbox_parking_and_retention_indexes, drop_outbox_parking_and_retention_indexes

revision = 'c351ad3397ac'
down_revision = 'b41c7d2e9a10'
branch_labels = None
depends_on = None


def upgrade() -> None:
    add_outbox_parking_and_retention_indexes()


def downgrade() -> None:
    drop_outbox_parking_and_retention_indexes()
