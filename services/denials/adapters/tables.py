"""The denials service's tables: one row per denial with its queue state, and its action history."""
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from sqlalchemy import Column, Date, DateTime, Index, Numeric, func, text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel, String


class DenialsTable(SQLModel, registry=registry()):
    pass


metadata = DenialsTable.metadata


def _queue_order(*columns: str) -> Index:
    """The work queue reads these in order: WHERE tenant [AND column =] ORDER BY priority DESC, id."""
    return Index("_".join(("ix_denial_tenant", *columns, "queue")), "tenant_id", *columns, text("priority DESC"), "id")


class Denial(DenialsTable, table=True):
    __table_args__ = (_queue_order(), _queue_order("status"), _queue_order("category"), _queue_order("payer_id"),
                      _queue_order("assignee"), Index("ix_denial_tenant_opened", "tenant_id", "opened_at"))
    id: UUID = Field(primary_key=True)
    tenant_id: UUID
    claim_id: UUID = Field(index=True)
    remit_id: str = Field(max_length=64)
    payer_id: str = Field(max_length=80, index=True)
    level: str = Field(max_length=5)
    line_number: int | None = None
    procedure_code: str | None = Field(default=None, max_length=5)
    carc_codes: list[str] = Field(sa_column=Column(ARRAY(String), nullable=False))
    rarc_codes: list[str] = Field(sa_column=Column(ARRAY(String), nullable=False))
    category: str = Field(max_length=40, index=True)
    preventable: bool
    recommended_action: str = Field(max_length=40)
    explanation: list = Field(sa_column=Column(JSONB, nullable=False))
    amount: Decimal = Field(sa_column=Column(Numeric(12, 2), nullable=False))
    partial: bool = False
    billed_amount: Decimal | None = Field(default=None, sa_column=Column(Numeric(12, 2), nullable=True))
    payer_claim_number: str | None = Field(default=None, max_length=50)
    status: str = Field(max_length=20, index=True,
                        description="open | appealed | appeal_lost | corrected | written_off | resolved")
    priority: int
    appeal_deadline: date
    sla_due: date
    assignee: str | None = Field(default=None, max_length=100, index=True)
    acted_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True),
                                      description="First action taken (the SLA clock stops here).")
    opened_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), server_default=func.now()))
    resolved_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))


class DenialAction(DenialsTable, table=True):
    __tablename__ = "denial_action"
    id: int | None = Field(default=None, primary_key=True)
    tenant_id: UUID
    denial_id: UUID = Field(index=True)
    action: str = Field(max_length=20)
    actor: str = Field(max_length=100)
    detail: dict = Field(sa_column=Column(JSONB, nullable=False))
    at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), server_default=func.now()))


class SubmittedClaim(DenialsTable, table=True):
    """What the payer was sent (from claim.submitted): appeal letter facts and the denial-rate denominators."""

    __tablename__ = "submitted_claim"
    claim_id: UUID = Field(primary_key=True)
    tenant_id: UUID = Field(index=True)
    payer_id: str = Field(max_length=80)
    payer_name: str | None = Field(default=None, max_length=100)
    payer_appeal_days: int | None = None
    rendering_npi: str = Field(max_length=10)
    original_claim_id: UUID | None = Field(default=None, index=True)
    total_charge: Decimal = Field(sa_column=Column(Numeric(12, 2), nullable=False))
    procedure_codes: list[str] = Field(sa_column=Column(ARRAY(String), nullable=False))
    dates_of_service: list[date] = Field(sa_column=Column(ARRAY(Date), nullable=False))
    submitted_at: datetime = Field(sa_column=Column(DateTime(timezone=True), nullable=False))


class AdjudicatedClaim(DenialsTable, table=True):
    """One row per claim payment seen on remit.received: the population denial rates are taken over."""

    __tablename__ = "adjudicated_claim"
    __table_args__ = (Index("ix_adjudicated_claim_tenant_on", "tenant_id", "adjudicated_on"),)
    remit_id: str = Field(primary_key=True, max_length=64, description="The 835: one file pays many claims.")
    patient_control_number: str = Field(primary_key=True, max_length=38, description="CLP01 within that 835.")
    tenant_id: UUID
    claim_id: UUID | None = Field(default=None, index=True)
    payer_id: str = Field(max_length=80)
    denied: bool
    denied_amount: Decimal = Field(sa_column=Column(Numeric(12, 2), nullable=False))
    procedure_codes: list[str] = Field(sa_column=Column(ARRAY(String), nullable=False))
    denied_procedure_codes: list[str] = Field(sa_column=Column(ARRAY(String), nullable=False))
    adjudicated_on: date = Field(index=True)


class Practice(DenialsTable, table=True):
    """The client practice (tenant.registered): who signs the appeal letters."""

    tenant_id: UUID = Field(primary_key=True)
    name: str = Field(max_length=200)
    billing_provider: dict = Field(sa_column=Column(JSONB, nullable=False))
