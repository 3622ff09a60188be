"""outbox without the unique key on `event_id`, which no read uses (`outbox_without_event_id_key`).

Revision ID: c4e1a7b3d9f2
Revises: e3a5c7b9d1f4
Create Date: 2026-12-06 23:10:00
"""
from shared.db.infra_migration import outbox_with_event_id_key, outbox_without_event_id_key

revision = 'c4e1a7b3d9f2'
down_revision = 'e3a5c7b9d1f4'
branch_labels = None
depends_on = None


def upgrade() -> None:
    outbox_without_event_id_key()


def downgrade() -> None:
    outbox_with_event_id_key()
