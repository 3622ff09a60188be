"""Coding's public resources: the coded encounter, the review queue, the audit trail, provider queries and
the tenant's coding settings."""
from typing import Any, Literal
from uuid import UUID

from pydantic import BaseModel, Field

from shared.contracts.api.common import ApiModel, Timestamp


class ReviewQueueQuery(BaseModel):
    limit: int = Field(default=50, ge=1, le=200)
    cursor: UUID | None = Field(default=None, description="The next_cursor of the previous page")


class ReviewQueueSearch(ReviewQueueQuery):
    edit_id: str | None = Field(default=None, max_length=40, pattern=r"^[A-Z0-9-]+$", examples=["NCCI-PTP"])
    assigned_to: str | None = Field(default=None, max_length=100, description='A coder, or "none" for unclaimed')


class ProviderQuery(ApiModel):
    query_id: UUID
    encounter_id: UUID
    status: Literal["open", "answered"]
    rendering_npi: str | None
    unclear: str
    question: str
    options: list[str]
    asked_by: str
    asked_at: Timestamp | None
    answer: str | None
    answered_by: str | None
    answered_at: Timestamp | None


class ProviderQueryList(ApiModel):
    items: list[ProviderQuery]


class CodedEncounter(ApiModel):
    encounter_id: UUID
    external_id: str
    status: str = Field(examples=["coded", "needs_review"])
    claim_id: UUID | None
    diagnoses: list[Any]
    procedures: list[Any]
    edits: list[Any]
    suggestions: list[Any] = Field(description="Codes suggested from the note, with evidence and confidence")
    assigned_to: str | None
    updated_at: Timestamp | None


class ReviewItem(ApiModel):
    encounter_id: UUID
    external_id: str
    edits: list[Any]
    suggestions: list[Any]
    diagnoses: list[Any]
    procedures: list[Any]
    assigned_to: str | None
    open_query: ProviderQuery | None
    received_at: Timestamp | None


class ReviewQueue(ApiModel):
    items: list[ReviewItem]
    next_cursor: UUID | None


class ReviewClaimed(ApiModel):
    encounter_id: UUID
    status: str
    assigned_to: str | None


class ReviewDone(ApiModel):
    encounter_id: UUID
    status: str = Field(examples=["coded"])
    claim_id: UUID | None


class CodingAuditEntry(ApiModel):
    actor: str
    action: str
    before: dict[str, Any]
    after: dict[str, Any]
    reason: str | None
    at: Timestamp


class CodingAuditTrail(ApiModel):
    items: list[CodingAuditEntry]


class MeasuredAccuracy(ApiModel):
    precision: float | None
    recall: float
    true_positives: int
    suggested: int
    expected: int
    notes: Any
    labeled_sets: list[Any]


class CodingSettingsView(ApiModel):
    auto_accept: bool
    auto_accept_in_effect: bool
    auto_accept_off_reason: str | None
    auto_accept_threshold: float
    auto_accept_threshold_source: Literal["tenant", "default"]
    accept_below_target_precision: bool
    measured_at_threshold: MeasuredAccuracy
    target_precision: float
    warning: str | None
    updated_by: str | None
    cpt_file: Literal["tenant", "deployment", "sample"]
    cpt_codes: int
