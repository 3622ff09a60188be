"""outbox without the unique key on `event_id`, which no read uses (`outbox_without_event_id_key`).

Revision ID: d7f9b1c3e5a8
Revises: d9f3b5c7e1a4
Create Date: 2026-12-06 23:10:00
"""
from shared.db.infra_migration import outbox_with_event_id_key, outbox_without_event_id_key

revision = 'd7f9b1c3e5a8'
down_revision = 'd9f3b5c7e1a4'
branch_labels = None
depends_on = None


def upgrade() -> None:
    outbox_without_event_id_key()


def downgrade() -> None:
    outbox_with_event_id_key()
