"""the ledger entries' key leads with the transaction: entries are read by transaction (a transaction's
entries, a claim's postings through their transactions), by claim or for a patient's credit, never by their
id alone, so the primary key on `id` was scanned by no read while every entry took an entry in it and
another in `ix_ledger_entry_transaction_id`. The key becomes (transaction_id, id), which serves the reads by
transaction as that index did, and the index goes: one index entry fewer per ledger entry, about nine per
encounter. `id` stays unique by its sequence.

The new key's index is built CONCURRENTLY; the swap of the key takes the table's lock for a catalog change
only, and the old index is dropped CONCURRENTLY.

Revision ID: a2c4e6f8b0d3
Revises: f0c2e4a6b8d1
Create Date: 2026-12-06 19:30:00
"""
from alembic import op

from shared.db.primary_key import move_primary_key

revision = 'a2c4e6f8b0d3'
down_revision = 'f0c2e4a6b8d1'
branch_labels = None
depends_on = None


def upgrade() -> None:
    move_primary_key(op, "ledger_entry", "transaction_id, id", built_as="ledger_entry_transaction_key")
    with op.get_context().autocommit_block():
        op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_ledger_entry_transaction_id")


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_ledger_entry_transaction_id ON ledger_entry "
                   "(transaction_id)")
    move_primary_key(op, "ledger_entry", "id", built_as="ledger_entry_id_key")
