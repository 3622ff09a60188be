"""the timeline's key leads with the claim: every read of claim_event goes by claim (a claim's events in
order, its first adjudication, its reworks), none by the event's id alone, so the primary key on `id` was
scanned by no read while every event took an entry in it and another in `ix_claim_event_claim_id_id`
(claim, id). The key becomes (claim_id, id), which serves the reads by claim as that index did, and the
index goes: one index entry fewer per event, about seven per claim. `id` stays unique by its sequence.

The new key's index is built CONCURRENTLY; the swap of the key takes the table's lock for a catalog change
only, and the old index is dropped CONCURRENTLY.

Revision ID: d9f3b5c7e1a4
Revises: c9e1a3b5d7f2
Create Date: 2026-12-06 19:30:00
"""
from alembic import op

from shared.db.primary_key import move_primary_key

revision = 'd9f3b5c7e1a4'
down_revision = 'c9e1a3b5d7f2'
branch_labels = None
depends_on = None


def upgrade() -> None:
    move_primary_key(op, "claim_event", "claim_id, id", built_as="claim_event_claim_key")
    with op.get_context().autocommit_block():
        op.execute("DROP INDEX CONCURRENTLY IF EXISTS ix_claim_event_claim_id_id")


def downgrade() -> None:
    with op.get_context().autocommit_block():
        op.execute("CREATE INDEX CONCURRENTLY IF NOT EXISTS ix_claim_event_claim_id_id ON claim_event (claim_id, id)")
    move_primary_key(op, "claim_event", "id", built_as="claim_event_id_key")
