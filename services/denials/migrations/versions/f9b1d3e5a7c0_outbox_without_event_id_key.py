"""outbox without the unique key on `event_id`, which no read uses (`outbox_without_event_id_key`).

Revision ID: f9b1d3e5a7c0
Revises: 9d3c258d01ae
Create Date: 2026-12-06 23:10:00
"""
from shared.db.infra_migration import outbox_with_event_id_key, outbox_without_event_id_key

revision = 'f9b1d3e5a7c0'
down_revision = '9d3c258d01ae'
branch_labels = None
depends_on = None


def upgrade() -> None:
    outbox_without_event_id_key()


def downgrade() -> None:
    outbox_with_event_id_key()
