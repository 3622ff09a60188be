"""The claims service's tables: tenants' billing providers, payers, claims, lines, timeline, files."""
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from sqlalchemy import Column, DateTime, Numeric, Sequence, Text, UniqueConstraint, func
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel, String

from shared.denial_patterns import DenialPatternColumns


class ClaimsTable(SQLModel, registry=registry()):
    pass


metadata = ClaimsTable.metadata
isa_control_sequence = Sequence("isa_control_seq", start=1, maxvalue=999999999, cycle=True, metadata=metadata)


def _ts(**kwargs) -> Column:
    return Column(DateTime(timezone=True), server_default=func.now(), **kwargs)


class BillingTenant(ClaimsTable, table=True):
    __tablename__ = "billing_tenant"
    tenant_id: UUID = Field(primary_key=True)
    name: str = Field(max_length=200)
    billing_provider: dict = Field(sa_column=Column(JSONB, nullable=False))


class TenantPayer(ClaimsTable, table=True):
    __tablename__ = "tenant_payer"
    tenant_id: UUID = Field(primary_key=True)
    payer_id: str = Field(primary_key=True, max_length=80)
    name: str = Field(max_length=100)
    x12_payer_id: str = Field(max_length=80)
    timely_filing_days: int
    appeal_days: int
    expected_days: int


class Claim(ClaimsTable, table=True):
    __table_args__ = (UniqueConstraint("tenant_id", "patient_control_number"),)
    id: UUID = Field(primary_key=True)
    tenant_id: UUID = Field(index=True)
    encounter_id: UUID = Field(index=True)
    patient_control_number: str = Field(max_length=20)
    status: str = Field(max_length=20, index=True)
    payer_id: str = Field(max_length=80)
    frequency_code: str = Field(max_length=1, default="1")
    original_claim_id: UUID | None = None
    payer_claim_number: str | None = Field(default=None, max_length=50)
    total_charge: Decimal = Field(sa_column=Column(Numeric(12, 2), nullable=False))
    coded: dict = Field(sa_column=Column(JSONB, nullable=False), description="The claim.coded payload; source of truth.")
    edits: list = Field(sa_column=Column(JSONB, nullable=False))
    interchange_id: int | None = None
    trace_context: str | None = Field(default=None, max_length=200,
                                      description="W3C traceparent of the encounter's trace, so submission joins it.")
    created_at: datetime | None = Field(default=None, sa_column=_ts())
    updated_at: datetime | None = Field(default=None, sa_column=_ts(onupdate=func.now()))


class ClaimLine(ClaimsTable, table=True):
    __tablename__ = "claim_line"
    claim_id: UUID = Field(primary_key=True)
    line_number: int = Field(primary_key=True)
    tenant_id: UUID
    patient_id: str = Field(max_length=50)
    rendering_npi: str = Field(max_length=10)
    date_of_service: date
    procedure_code: str = Field(max_length=5)
    modifiers: list[str] = Field(sa_column=Column(ARRAY(String), nullable=False))
    units: int
    charge: Decimal = Field(sa_column=Column(Numeric(12, 2), nullable=False))


class ClaimEvent(ClaimsTable, table=True):
    """The claim's timeline: every state transition and acknowledgment, in order."""

    __tablename__ = "claim_event"
    id: int | None = Field(default=None, primary_key=True)
    tenant_id: UUID
    claim_id: UUID = Field(index=True)
    event: str = Field(max_length=40)
    status: str = Field(max_length=20)
    detail: dict = Field(sa_column=Column(JSONB, nullable=False))
    at: datetime | None = Field(default=None, sa_column=_ts())


class Interchange(ClaimsTable, table=True):
    """One 837P file as sent: the exact X12 text is kept for GET /v1/claims/{id}/837."""

    id: int = Field(primary_key=True, description="ISA13")
    tenant_id: UUID = Field(index=True)
    payer_id: str = Field(max_length=80)
    x12: str = Field(sa_column=Column(Text, nullable=False))
    claim_count: int
    ack_status: str | None = Field(default=None, max_length=20)
    created_at: datetime | None = Field(default=None, sa_column=_ts())


class DenialPattern(ClaimsTable, DenialPatternColumns, table=True):
    """What this tenant's payers denied, per payer, procedure and category (from denial.opened): the
    scrubber warns before the same claim is sent again."""

    __tablename__ = "denial_pattern"
