"""The outbox and inbox tables in every service's initial migration, written once.

Later changes to these tables get their own revision in each service, calling a function here.
Since the initial revision creates the tables from their current definition, later ones are re-runnable.
"""
from alembic import op

from shared.db.tables import inbox_message, outbox_message


def create_infra_tables() -> None:
    bind = op.get_bind()
    for table in (inbox_message, outbox_message):
        table.create(bind)


def drop_infra_tables() -> None:
    bind = op.get_bind()
    for table in (outbox_message, inbox_message):
        table.drop(bind)


def add_outbox_parking_and_retention_indexes() -> None:
    """Parked rows (refused by Kafka for good) and the indexes retention deletes by.

    Written to be re-runnable: a database created after this change already has them, because the
    initial revision builds the tables from their current definition.
    """
    op.execute("ALTER TABLE outbox_message ADD COLUMN IF NOT EXISTS parked_at TIMESTAMP WITH TIME ZONE")
    op.execute("ALTER TABLE outbox_message ADD COLUMN IF NOT EXISTS park_reason VARCHAR(300)")
    op.execute("CREATE INDEX IF NOT EXISTS ix_outbox_published_at ON outbox_message (published_at) "
               "WHERE published_at IS NOT NULL")
    op.execute("CREATE INDEX IF NOT EXISTS ix_inbox_processed_at ON inbox_message (processed_at)")


def drop_outbox_parking_and_retention_indexes() -> None:
    op.execute("DROP INDEX IF EXISTS ix_inbox_processed_at")
    op.execute("DROP INDEX IF EXISTS ix_outbox_published_at")
    op.execute("ALTER TABLE outbox_message DROP COLUMN IF EXISTS park_reason")
    op.execute("ALTER TABLE outbox_message DROP COLUMN IF EXISTS parked_at")
