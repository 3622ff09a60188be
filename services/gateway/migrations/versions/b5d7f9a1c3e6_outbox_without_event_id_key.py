"""outbox without the unique key on `event_id`, which no read uses (`outbox_without_event_id_key`).

Revision ID: b5d7f9a1c3e6
Revises: f4b6d8a0c2e5
Create Date: 2026-12-06 23:10:00
"""
from shared.db.infra_migration import outbox_with_event_id_key, outbox_without_event_id_key

revision = 'b5d7f9a1c3e6'
down_revision = 'f4b6d8a0c2e5'
branch_labels = None
depends_on = None


def upgrade() -> None:
    outbox_without_event_id_key()


def downgrade() -> None:
    outbox_with_event_id_key()
