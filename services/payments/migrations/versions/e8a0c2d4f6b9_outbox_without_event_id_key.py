"""outbox without the unique key on `event_id`, which no read uses (`outbox_without_event_id_key`).

Revision ID: e8a0c2d4f6b9
Revises: a2c4e6f8b0d3
Create Date: 2026-12-06 23:10:00
"""
from shared.db.infra_migration import outbox_with_event_id_key, outbox_without_event_id_key

revision = 'e8a0c2d4f6b9'
down_revision = 'a2c4e6f8b0d3'
branch_labels = None
depends_on = None


def upgrade() -> None:
    outbox_without_event_id_key()


def downgrade() -> None:
    outbox_with_event_id_key()
