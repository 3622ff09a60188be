"""outbox without sent rows: the relay deletes the rows it sent, in the transaction that took them, so
`published_at`, its two partial indexes and the sent rows kept for retention go (the rows in batches that
each commit).

Revision ID: 30ebecffa13f
Revises: 4b450d9d03c0
Create Date: 2026-12-03 13:00:00
"""
from shared.db.infra_migration import outbox_with_sent_rows_marked, outbox_without_sent_rows

revision = '30ebecffa13f'
down_revision = '4b450d9d03c0'
branch_labels = None
depends_on = None


def upgrade() -> None:
    outbox_without_sent_rows()


def downgrade() -> None:
    outbox_with_sent_rows_marked()
