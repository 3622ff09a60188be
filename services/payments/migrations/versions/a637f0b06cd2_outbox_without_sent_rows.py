"""outbox without sent rows: the relay deletes the rows it sent, in the transaction that took them, so
`published_at`, its two partial indexes and the sent rows kept for retention go (the rows in batches that
each commit).

Revision ID: a637f0b06cd2
Revises: f1a3c5e7b9d2
Create Date: 2026-12-03 13:00:00
"""
from shared.db.infra_migration import outbox_with_sent_rows_marked, outbox_without_sent_rows

revision = 'a637f0b06cd2'
down_revision = 'f1a3c5e7b9d2'
branch_labels = None
depends_on = None


def upgrade() -> None:
    outbox_without_sent_rows()


def downgrade() -> None:
    outbox_with_sent_rows_marked()
