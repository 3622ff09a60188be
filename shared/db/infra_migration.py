"""The outbox and inbox tables in every service's initial migration, written once.

Later changes to these tables get their own revision in each service, calling a function here.
Since the initial revision creates the tables from their current definition, later ones are re-runnable.
"""
from alembic import op
from sqlalchemy import inspect, text

from shared.db.tables import INBOX_TIME_INDEX, inbox_message, outbox_message

# Rows a statement of the outbox's clean-up deletes at most: each batch commits on its own, so a large
# outbox is never locked for long and the relays go on sending in between.
CLEANUP_BATCH = 5000
DELETE_PUBLISHED = text(f"""
DELETE FROM outbox_message WHERE id IN (
    SELECT id FROM outbox_message WHERE published_at IS NOT NULL LIMIT {CLEANUP_BATCH})""")


def create_infra_tables() -> None:
    bind = op.get_bind()
    for table in (inbox_message, outbox_message):
        table.create(bind)


def drop_infra_tables() -> None:
    bind = op.get_bind()
    for table in (outbox_message, inbox_message):
        table.drop(bind)


def add_outbox_parking_and_retention_indexes() -> None:
    """Parked rows (refused by Kafka for good) and the index the inbox's retention deletes by.

    Written to be re-runnable: a database created after this change already has them, because the
    initial revision builds the tables from their current definition.
    """
    op.execute("ALTER TABLE outbox_message ADD COLUMN IF NOT EXISTS parked_at TIMESTAMP WITH TIME ZONE")
    op.execute("ALTER TABLE outbox_message ADD COLUMN IF NOT EXISTS park_reason VARCHAR(300)")
    op.execute("CREATE INDEX IF NOT EXISTS ix_inbox_processed_at ON inbox_message (processed_at)")


def drop_outbox_parking_and_retention_indexes() -> None:
    op.execute("DROP INDEX IF EXISTS ix_inbox_processed_at")
    op.execute("DROP INDEX IF EXISTS ix_outbox_published_at")
    op.execute("ALTER TABLE outbox_message DROP COLUMN IF EXISTS park_reason")
    op.execute("ALTER TABLE outbox_message DROP COLUMN IF EXISTS parked_at")


def outbox_without_sent_rows() -> None:
    """The outbox keeps only rows not yet sent and parked ones: the relay deletes what it sent, so the
    column that marked sent rows, both indexes over it and the sent rows kept for a day go.

    The sent rows are deleted first, in batches that each commit, through the index that finds them;
    the last few (marked by a relay still running the code before this change) go with the column, in
    one short transaction. A relay of the code before this change fails its turns from then on (its
    statements name the column) until its process is replaced, and the new relays send meanwhile: its
    failed turns send nothing. A database created after this change has no such column: nothing to do.
    """
    bind = op.get_bind()
    if "published_at" not in {c["name"] for c in inspect(bind).get_columns("outbox_message")}:
        return
    with op.get_context().autocommit_block():
        while bind.execute(DELETE_PUBLISHED).rowcount == CLEANUP_BATCH:
            pass
    op.execute("DELETE FROM outbox_message WHERE published_at IS NOT NULL")
    op.execute("DROP INDEX IF EXISTS ix_outbox_published_at")
    op.execute("DROP INDEX IF EXISTS ix_outbox_unpublished")
    op.execute("ALTER TABLE outbox_message DROP COLUMN published_at")


def outbox_with_sent_rows_marked() -> None:
    """Back to marking sent rows: the column and its two partial indexes (every row left is unsent)."""
    op.execute("ALTER TABLE outbox_message ADD COLUMN IF NOT EXISTS published_at TIMESTAMP WITH TIME ZONE")
    op.execute("CREATE INDEX IF NOT EXISTS ix_outbox_unpublished ON outbox_message (id) WHERE published_at IS NULL")
    op.execute("CREATE INDEX IF NOT EXISTS ix_outbox_published_at ON outbox_message (published_at) "
               "WHERE published_at IS NOT NULL")


OUTBOX_EVENT_ID_KEY = "outbox_message_event_id_key"


def outbox_without_event_id_key() -> None:
    """The outbox's unique key on `event_id` goes: no statement reads the outbox by it and each event's id is
    drawn fresh, so it only cost every emitted event an index entry. Dropping a key's constraint takes the
    table's lock for a catalog change only; the outbox holds just the rows not yet sent. A database created
    after this change has no such key: nothing to do."""
    op.execute(f"ALTER TABLE outbox_message DROP CONSTRAINT IF EXISTS {OUTBOX_EVENT_ID_KEY}")


def outbox_with_event_id_key() -> None:
    """The key back: its index built CONCURRENTLY (the relays go on), then attached as the constraint."""
    bind = op.get_bind()
    if OUTBOX_EVENT_ID_KEY in {c["name"] for c in inspect(bind).get_unique_constraints("outbox_message")}:
        return
    with op.get_context().autocommit_block():
        op.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {OUTBOX_EVENT_ID_KEY}")  # left invalid by a failed build
        op.execute(f"CREATE UNIQUE INDEX CONCURRENTLY {OUTBOX_EVENT_ID_KEY} ON outbox_message (event_id)")
    op.execute(f"ALTER TABLE outbox_message ADD CONSTRAINT {OUTBOX_EVENT_ID_KEY} UNIQUE USING INDEX {OUTBOX_EVENT_ID_KEY}")


INBOX_TIME_INDEX_FORMS = {
    "brin": "USING brin (processed_at) WITH (autosummarize = on)",
    "btree": "USING btree (processed_at)",
}
INDEX_METHOD = text("SELECT a.amname FROM pg_class c JOIN pg_am a ON a.oid = c.relam WHERE c.oid = to_regclass(:name)")


def inbox_time_index_as(method: str) -> None:
    """The inbox's time index rebuilt as a `brin` or a `btree` (the upgrade and the downgrade): the new one built
    CONCURRENTLY under another name, the old one dropped CONCURRENTLY, the new one renamed, so the consumers'
    inserts go on throughout and the retention always finds an index by the name. Nothing to do where the index
    already has that form (a database created after this change has a BRIN)."""
    if op.get_bind().execute(INDEX_METHOD, {"name": INBOX_TIME_INDEX}).scalar() == method:
        return
    building = f"{INBOX_TIME_INDEX}_{method}"
    with op.get_context().autocommit_block():
        op.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {building}")  # left invalid by a failed build
        op.execute(f"CREATE INDEX CONCURRENTLY {building} ON inbox_message {INBOX_TIME_INDEX_FORMS[method]}")
        op.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INBOX_TIME_INDEX}")
        op.execute(f"ALTER INDEX {building} RENAME TO {INBOX_TIME_INDEX}")
