"""The gateway's own tables: tenants, hashed API keys, encounter intake records, idempotency records,
webhook endpoints with their delivery queue and attempts, and the hash-chained audit log."""
from datetime import datetime
from uuid import UUID, uuid4

from sqlalchemy import BigInteger, Column, DateTime, Index, Integer, UniqueConstraint, func, text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel, String


class GatewayTable(SQLModel, registry=registry()):
    pass


metadata = GatewayTable.metadata


class Tenant(GatewayTable, table=True):
    id: UUID = Field(default_factory=uuid4, primary_key=True)
    name: str = Field(max_length=200)
    billing_provider: dict = Field(sa_column=Column(JSONB, nullable=False))
    rate_limit_per_second: float | None = Field(default=None, description="None: the gateway's default")
    rate_limit_burst: int | None = Field(default=None)
    created_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), server_default=func.now()))


class ApiKey(GatewayTable, table=True):
    __tablename__ = "api_key"
    id: UUID = Field(default_factory=uuid4, primary_key=True)
    tenant_id: UUID = Field(foreign_key="tenant.id", index=True)
    key_hash: str = Field(max_length=64, unique=True)
    prefix: str = Field(max_length=16)
    scopes: list[str] = Field(sa_column=Column(ARRAY(String), nullable=False))
    created_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), server_default=func.now()))
    revoked_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))


class EncounterIntake(GatewayTable, table=True):
    """One accepted encounter; (tenant, external_id) makes re-sending idempotent."""

    __tablename__ = "encounter_intake"
    __table_args__ = (UniqueConstraint("tenant_id", "external_id"),)
    id: UUID = Field(default_factory=uuid4, primary_key=True)
    tenant_id: UUID  # read by tenant through the unique key (tenant_id, external_id), which it leads
    external_id: str = Field(max_length=80)
    source_format: str = Field(max_length=10)
    received_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), server_default=func.now()))
    failure: dict | None = Field(default=None, sa_column=Column(JSONB, nullable=True),
                                 description="The last dead letter of its event: topic, PHI-free reason, when")


class IdempotencyRecord(GatewayTable, table=True):
    """An Idempotency-Key of one credential: reserved (in_progress) while its request runs, then the
    first answer (completed), kept 24 hours. `created_at` is the reservation's time."""

    __tablename__ = "idempotency_record"
    owner: str = Field(primary_key=True, max_length=64, description="SHA-256 of the presented API key")
    key: str = Field(primary_key=True, max_length=255)
    tenant_id: UUID | None = Field(default=None, description="None for the operator's admin key")
    request_hash: str = Field(max_length=64)
    state: str = Field(default="in_progress", max_length=12)
    status_code: int | None = Field(default=None, sa_column=Column(Integer, nullable=True))
    content_type: str | None = Field(default=None, max_length=100)
    body: bytes | None = Field(default=None)
    created_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), server_default=func.now(), index=True))


class WebhookEndpoint(GatewayTable, table=True):
    """A tenant's URL for claim events. The secret signs deliveries, so it is kept, not hashed."""

    __tablename__ = "webhook_endpoint"
    id: UUID = Field(default_factory=uuid4, primary_key=True)
    tenant_id: UUID = Field(index=True)
    url: str = Field(max_length=2000)
    events: list[str] = Field(sa_column=Column(ARRAY(String), nullable=False))
    secret: str = Field(max_length=100)
    created_by_key_id: UUID
    created_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), server_default=func.now()))
    disabled_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))


class WebhookDelivery(GatewayTable, table=True):
    """One event for one endpoint; the delivery loop works it until delivered or out of attempts."""

    __tablename__ = "webhook_delivery"
    __table_args__ = (
        UniqueConstraint("endpoint_id", "event_id"),
        Index("ix_webhook_delivery_due", "next_attempt_at", postgresql_where=text("status = 'pending'")),
    )
    id: UUID = Field(default_factory=uuid4, primary_key=True)
    tenant_id: UUID = Field(index=True)
    endpoint_id: UUID = Field(foreign_key="webhook_endpoint.id")
    event_id: UUID = Field(description="The id receivers deduplicate on (delivery is at least once).")
    event_type: str = Field(max_length=40)
    payload: dict = Field(sa_column=Column(JSONB, nullable=False))
    status: str = Field(default="pending", max_length=12)
    attempts: int = Field(default=0)
    next_attempt_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False, server_default=func.now()))
    created_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), server_default=func.now()))
    delivered_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))


class WebhookAttempt(GatewayTable, table=True):
    __tablename__ = "webhook_attempt"
    id: int | None = Field(default=None, sa_column=Column(BigInteger, primary_key=True, autoincrement=True))
    delivery_id: UUID = Field(foreign_key="webhook_delivery.id", index=True)
    tenant_id: UUID
    attempted_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    status_code: int | None = Field(default=None, sa_column=Column(Integer, nullable=True))
    error: str | None = Field(default=None, max_length=200)
    duration_ms: int


class AuditEntry(GatewayTable, table=True):
    """Append-only and hash-chained: each row's hash covers the previous row's hash and its own fields.

    A trigger (see the migration) refuses UPDATE, DELETE and TRUNCATE.
    """

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_tenant_seq", "tenant_id", "seq"),)
    seq: int = Field(sa_column=Column(BigInteger, primary_key=True, autoincrement=False))
    at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))
    tenant_id: UUID
    key_id: UUID
    action: str = Field(max_length=40)
    object_type: str = Field(max_length=40)
    object_id: str | None = Field(default=None, max_length=80)
    outcome: int = Field(description="The HTTP status the gateway answered")
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)
