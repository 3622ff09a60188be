"""outbox parking and retention indexes

Revision ID: 4b450d9d03c0
Revises: 9c4d2e7a1f30
Create Date: 2026-12-01 20:30:00.000000
"""
from shared.db.infra_migration import add_outbox_parking_and_retention_indexes, drop_outbox_parking_and_retention_indexes

revision = '4b450d9d03c0'
down_revision = '9c4d2e7a1f30'
branch_labels = None
depends_on = None


def upgrade() -> None:
    add_outbox_parking_and_retention_indexes()


def downgrade() -> None:
    drop_outbox_parking_and_retention_indexes()
