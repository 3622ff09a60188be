"""The denials service's tables: one row per denial with its queue state, and its action history."""
from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from sqlalchemy import Column, DateTime, Numeric, func
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import registry
from sqlmodel import Field, SQLModel, String


class DenialsTable(SQLModel, registry=registry()):
    pass


metadata = DenialsTable.metadata


class Denial(DenialsTable, table=True):
    id: UUID = Field(primary_key=True)
    tenant_id: UUID = Field(index=True)
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
    status: str = Field(max_length=20, index=True, description="open | appealed | corrected | written_off | resolved")
    priority: int
    appeal_deadline: date
    sla_due: date
    assignee: str | None = Field(default=None, max_length=100)
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
