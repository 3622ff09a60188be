"""The services' internal reports, read by the gateway for the KPIs and the ops dashboard (not public)."""
from typing import Any, Literal
from uuid import UUID

from shared.contracts.api.common import ApiModel, Timestamp


class FirstPass(ApiModel):
    adjudicated: int
    first_pass_paid: int


class ClaimFigures(ApiModel):
    by_status: dict[str, int]
    scrubbed: int
    clean: int
    adjudication: dict[str, FirstPass]


class CodingFigures(ApiModel):
    encounters_by_status: dict[str, int]
    review_queue: int


class DenialFigures(ApiModel):
    denied_claims: int
    by_category: dict[str, int]
    by_payer: dict[str, int]
    by_carc: dict[str, int]
    open: int


class PaymentFigures(ApiModel):
    account_balances: dict[str, str]
    collected: str  # payer and patient cash, less money held as owed back to a payer
    period_days: int
    charges_in_period: str
    suspense_open: int


class ClaimEventOut(ApiModel):
    event: str
    status: str | None
    at: Timestamp
    detail: Any


class ClaimLookup(ApiModel):
    service: Literal["claims"]
    tenant_id: UUID
    claim_id: UUID
    encounter_id: UUID
    status: str
    payer_id: str
    edits: list[Any]
    timeline: list[ClaimEventOut]


class EncounterLookup(ApiModel):
    service: Literal["coding"]
    tenant_id: UUID
    encounter_id: UUID
    status: str
    claim_id: UUID | None
    edits: list[Any]
    updated_at: Timestamp | None
