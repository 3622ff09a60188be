"""outbox without sent rows: the relay deletes the rows it sent, in the transaction that took them, so
`published_at`, its two partial indexes and the sent rows kept for retention go (the rows in batches that
each commit).

Revision ID: d63859479a5c
Revises: d7f1b3e5a9c2
Create Date: 2026-12-03 13:00:00
"""
from shared.db.infra_migration import outbox_with_sent_rows_marked, outbox_without_sent_rows

revision = 'd63859479a5c'
down_revision = 'd7f1b3e5a9c2'
branch_labels = None
depends_on = None


def upgrade() -> None:
    outbox_without_sent_rows()


def downgrade() -> None:
    outbox_with_sent_rows_marked()
