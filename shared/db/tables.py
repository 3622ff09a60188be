"""The outbox and inbox tables every service database carries (Eventuate Tram's two patterns).

Plain SQLAlchemy Core: they are infrastructure, written and read in bulk on the hot path. The outbox
holds only events not yet sent and parked ones (the relay deletes what Kafka acknowledged), so it needs
no index beyond its primary key: the relay takes rows in `id` order from it and deletes them by id. An event's
id is drawn fresh for each emitted event and nothing reads the outbox by it, so it carries no unique key (one
would cost every event an index entry at a random place); consumers drop repeats by it in their inbox.
"""
from sqlalchemy import BigInteger, Column, DateTime, Index, LargeBinary, MetaData, String, Table, func, text
from sqlalchemy.dialects.postgresql import JSONB, UUID

infra_metadata = MetaData()

outbox_message = Table(
    "outbox_message",
    infra_metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=True),
    Column("event_id", UUID(as_uuid=True), nullable=False),
    Column("topic", String(200), nullable=False),
    Column("message_key", LargeBinary, nullable=False),
    Column("value", LargeBinary, nullable=False),
    Column("headers", JSONB, nullable=False, server_default=text("'{}'::jsonb")),
    Column("created_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    # Set when Kafka refused the row for good (too large, no such topic): the relay skips it.
    Column("parked_at", DateTime(timezone=True), nullable=True),
    Column("park_reason", String(300), nullable=True),
)

# the inbox's time index: only the retention reads it (shared/kafka/retention.py), a BRIN that takes no entry per row
INBOX_TIME_INDEX = "ix_inbox_processed_at"
inbox_message = Table(
    "inbox_message",
    infra_metadata,
    Column("consumer", String(100), primary_key=True),
    Column("event_id", UUID(as_uuid=True), primary_key=True),
    Column("topic", String(200), nullable=False),
    Column("processed_at", DateTime(timezone=True), nullable=False, server_default=func.now()),
    # Only the retention's delete reads by the time, and rows arrive in time order, so a BRIN (a range of pages'
    # lowest and highest time) serves it without an entry per row; shared/kafka/retention.py keeps its ranges narrow.
    Index(INBOX_TIME_INDEX, "processed_at", postgresql_using="brin", postgresql_with={"autosummarize": "on"}),
)
