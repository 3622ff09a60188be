"""The coding service's tables: each encounter's coding state, and the audit of every code change."""
from datetime import date, datetime
from uuid import UUID

from sqlalchemy import Boolean, Column, DateTime, Index, false, func, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel

from shared.denial_patterns import DenialPatternColumns


class CodingTable(SQLModel, registry=registry()):
    pass


metadata = CodingTable.metadata


class CodedEncounter(CodingTable, table=True):
    __tablename__ = "coded_encounter"
    encounter_id: UUID = Field(primary_key=True)
    tenant_id: UUID  # read by tenant through ix_coded_encounter_same_day, which it leads
    external_id: str = Field(max_length=80)
    status: str = Field(max_length=20, index=True, description="coded | needs_review")
    claim_id: UUID | None = None
    diagnoses: list = Field(sa_column=Column(JSONB, nullable=False))
    procedures: list = Field(sa_column=Column(JSONB, nullable=False))
    edits: list = Field(sa_column=Column(JSONB, nullable=False))
    encounter: dict = Field(sa_column=Column(JSONB, nullable=False), description="The documented encounter, for review.")
    suggestions: list = Field(default_factory=list, sa_column=Column(JSONB, nullable=False, server_default=text("'[]'::jsonb")),
                              description="Codes suggested from the note, with evidence offsets, confidence and status.")
    assigned_to: str | None = Field(default=None, max_length=100, description="The coder who claimed the review item.")
    patient_ref: str | None = Field(default=None, max_length=50, description="The practice's patient id (one E/M a day).")
    rendering_npi: str | None = Field(default=None, max_length=10)
    date_of_service: date | None = None
    created_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), server_default=func.now()))
    updated_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), server_default=func.now(), onupdate=func.now()))


Index("ix_coded_encounter_same_day", CodedEncounter.tenant_id, CodedEncounter.rendering_npi,
      CodedEncounter.date_of_service)


class CodingAudit(CodingTable, table=True):
    """Who changed which codes, when, from what to what, and why (the review queue)."""

    __tablename__ = "coding_audit"
    id: int | None = Field(default=None, primary_key=True)
    tenant_id: UUID = Field(index=True)
    encounter_id: UUID = Field(index=True)
    actor: str = Field(max_length=100)
    action: str = Field(max_length=40)
    before: dict = Field(sa_column=Column(JSONB, nullable=False))
    after: dict = Field(sa_column=Column(JSONB, nullable=False))
    reason: str | None = Field(default=None, max_length=500)
    at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), server_default=func.now()))


class ProviderQuery(CodingTable, table=True):
    """A coder's question to the rendering provider about an unclear note. The encounter stays in
    the review queue, and cannot be released, until the provider answers."""

    __tablename__ = "provider_query"
    id: UUID = Field(primary_key=True)
    tenant_id: UUID = Field(index=True)
    encounter_id: UUID = Field(index=True)
    rendering_npi: str | None = Field(default=None, max_length=10, index=True)
    unclear: str = Field(max_length=500, description="What in the note is unclear.")
    question: str = Field(max_length=1000)
    options: list = Field(sa_column=Column(JSONB, nullable=False), description="Answers the coder offers, if any.")
    status: str = Field(max_length=20, index=True, description="open | answered | withdrawn")
    asked_by: str = Field(max_length=100)
    answer: str | None = Field(default=None, max_length=2000)
    answered_by: str | None = Field(default=None, max_length=100)
    asked_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), server_default=func.now()))
    answered_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), nullable=True))


class DenialPattern(CodingTable, DenialPatternColumns, table=True):
    """What this tenant's payers denied (from denial.opened): coders see the warning before release."""

    __tablename__ = "denial_pattern"


class TenantCodingSettings(CodingTable, table=True):
    """A tenant's own coding settings; a tenant without a row uses the service's defaults (auto-accept off)."""

    __tablename__ = "tenant_coding_settings"
    tenant_id: UUID = Field(primary_key=True)
    auto_accept_threshold: float | None = Field(default=None, ge=0, le=1,
                                                description="Note suggestions at or above it may be coded without "
                                                            "review; null: the service default.")
    auto_accept: bool = Field(default=False, sa_column=Column(Boolean, nullable=False, server_default=false()),
                              description="The tenant turned on billing of note-only codes without a coder.")
    accept_below_target_precision: bool = Field(
        default=False, sa_column=Column(Boolean, nullable=False, server_default=false()),
        description="The tenant accepted a measured precision below the target at its threshold.")
    updated_by: str = Field(max_length=100)
    updated_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), server_default=func.now(),
                                                                       onupdate=func.now()))
