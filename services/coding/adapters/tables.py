"""The coding service's tables: each encounter's coding state, and the audit of every code change."""
from datetime import datetime
from uuid import UUID

from sqlalchemy import Column, DateTime, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel


class CodingTable(SQLModel, registry=registry()):
    pass


metadata = CodingTable.metadata


class CodedEncounter(CodingTable, table=True):
    __tablename__ = "coded_encounter"
    encounter_id: UUID = Field(primary_key=True)
    tenant_id: UUID = Field(index=True)
    external_id: str = Field(max_length=80)
    status: str = Field(max_length=20, index=True, description="coded | needs_review")
    claim_id: UUID | None = None
    diagnoses: list = Field(sa_column=Column(JSONB, nullable=False))
    procedures: list = Field(sa_column=Column(JSONB, nullable=False))
    edits: list = Field(sa_column=Column(JSONB, nullable=False))
    encounter: dict = Field(sa_column=Column(JSONB, nullable=False), description="The documented encounter, for review.")
    created_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), server_default=func.now()))
    updated_at: datetime | None = Field(default=None, sa_column=Column(DateTime(timezone=True), server_default=func.now(), onupdate=func.now()))


class CodingAudit(CodingTable, table=True):
    """Who changed which codes, when, from what to what, and why (issue 3, review queue)."""

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
