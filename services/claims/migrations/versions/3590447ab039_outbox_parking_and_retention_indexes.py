"""outbox parking and retention indexes

Revision ID: 3590447ab039
Revises: d41f0a7c2b19
Create Date: 2026-12-01 20:30:00.000000
"""
from shared.db.infra_migration import add_outbox_parking_and_retention_indexes, drop_outbox_parking_and_retention_indexes

revision = '3590447ab039'
down_revision = 'd41f0a7c2b19'
branch_labels = None
depends_on = None


def upgrade() -> None:
    add_outbox_parking_and_retention_indexes()


def downgrade() -> None:
    drop_outbox_parking_and_retention_indexes()
