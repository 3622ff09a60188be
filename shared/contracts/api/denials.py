"""Denials' public resources: the work queue item, its history, bulk results and the analytics."""
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from shared.contracts.api.common import ApiModel, DecimalNumber, Money, Timestamp, date

# "<priority>:<denial uuid>", the next_cursor of the previous page (a strict UUID: a looser pattern let
# "---…" through to the query).
DENIAL_CURSOR = r"^[0-9]{1,3}:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"


class DenialListQuery(BaseModel):
    status: str | None = Field(default=None, examples=["open"])
    category: str | None = Field(default=None, examples=["authorization"])
    payer_id: str | None = None
    claim_id: UUID | None = None
    assignee: str | None = None
    preventable: bool | None = None
    limit: int = Field(default=50, ge=1, le=200)
    cursor: str | None = Field(default=None, pattern=DENIAL_CURSOR)


class Denial(ApiModel):
    denial_id: UUID
    claim_id: UUID
    remit_id: str
    payer_id: str
    level: Literal["claim", "line"]
    line_number: int | None
    procedure_code: str | None
    carc_codes: list[str] = Field(examples=[["CO-197"]])
    rarc_codes: list[str]
    category: str = Field(examples=["authorization"])
    preventable: bool
    recommended_action: str = Field(examples=["appeal"])
    explanation: list[Any]
    amount: Money = Field(examples=["125.00"])
    partial: bool
    payer_claim_number: str | None
    status: str = Field(examples=["open"])
    priority: int
    assignee: str | None
    appeal_deadline: date
    days_to_appeal_deadline: int
    sla_due: date
    sla: Literal["met", "missed", "ok", "at_risk", "breached"]
    business_days_to_sla: int
    opened_at: Timestamp | None
    acted_at: Timestamp | None
    resolved_at: Timestamp | None


class DenialPage(ApiModel):
    items: list[Denial]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null at the end.")


class DenialAction(ApiModel):
    action: str = Field(examples=["assign"])
    actor: str
    at: Timestamp
    detail: dict[str, Any]


class DenialDetail(Denial):
    actions: list[DenialAction]


class AppealRecorded(Denial):
    appeal_letter_html: str


class BulkOutcome(ApiModel):
    denial_id: str
    status: int = Field(description="What this denial alone would have answered: 200, 404, 409 or 422")
    denial_status: str | None = None
    detail: str | None = None


class BulkResult(ApiModel):
    action: Literal["assign", "write-off"]
    results: list[BulkOutcome]
    succeeded: int
    failed: int


class AnalyticsQuery(BaseModel):
    start: date | None = Field(default=None, alias="from")
    end: date | None = Field(default=None, alias="to")
    top: int = Field(default=5, ge=1, le=50)


class DenialRate(ApiModel):
    key: str | None
    adjudicated: int
    denied: int
    denial_rate: DecimalNumber | None


class DenialShare(ApiModel):
    key: str
    denials: int
    amount: DecimalNumber


class Preventable(ApiModel):
    denials: int
    share: DecimalNumber | None
    amount: DecimalNumber


class RootCause(ApiModel):
    payer_id: str
    category: str
    procedure_code: str | None
    denials: int
    amount: DecimalNumber
    preventable: bool
    carc_codes: list[str]
    recommended_action: str


class SlaFigures(ApiModel):
    target: str = Field(examples=["0.95"])
    business_days: int
    attainment: str | None
    meets_target: bool
    waiting: int
    at_risk: int
    breached: int


class DenialAnalytics(ApiModel):
    model_config = ConfigDict(populate_by_name=True)
    start: date = Field(alias="from")
    end: date = Field(alias="to")
    adjudicated_claims: int
    denied_claims: int
    denial_rate: DecimalNumber | None
    denied_amount: DecimalNumber
    by_payer: list[DenialRate]
    by_provider: list[DenialRate]
    by_procedure: list[DenialRate]
    by_month: list[DenialRate]
    by_carc: list[DenialShare]
    by_category: list[DenialShare]
    preventable: Preventable
    top_root_causes: list[RootCause]
    sla: SlaFigures
