"""outbox parking and retention indexes

Revision ID: b83590ade443
Revises: 9d41c7a2e5b8
Create Date: 2026-12-01 20:30:00.000000
"""
from shared.db.infra_migration import add_outbox_parking_and_retention_indexes, drop_outbox_parking_and_retention_indexes

revision = 'b83590ade443'
down_revision = '9d41c7a2e5b8'
branch_labels = None
depends_on = None


def upgrade() -> None:
    add_outbox_parking_and_retention_indexes()


def downgrade() -> None:
    drop_outbox_parking_and_retention_indexes()
