"""The gateway's own tables: tenants, hashed API keys, encounter intake records."""
from datetime import datetime
from uuid import UUID, uuid4

from sqlalchemy import Column, DateTime, UniqueConstraint, func
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
    tenant_id: UUID = Field(index=True)
    external_id: str = Field(max_length=80)
    source_format: str = Field(max_length=10)
    received_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), server_default=func.now()))


class IdempotencyRecord(GatewayTable, table=True):
    """Stripe-style Idempotency-Key: the first response to (credential, key), kept 24 hours."""

    __tablename__ = "idempotency_record"
    owner: str = Field(primary_key=True, max_length=64, description="SHA-256 of the presented API key")
    key: str = Field(primary_key=True, max_length=255)
    request_hash: str = Field(max_length=64)
    status_code: int
    content_type: str = Field(max_length=100)
    body: bytes
    created_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), server_default=func.now(), index=True))
