"""Claims' public resources: the claim and its lines, the claim list, payers, follow-up, corrections."""
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import BaseModel, Field

from shared.contracts.api.common import ApiModel, DecimalText, Money, Timestamp, TimelineEntry, date

CLAIM_CURSOR = r"^[0-9T:.+-]+~[0-9a-f-]{36}$"
Limit200 = Annotated[int, Field(ge=1, le=200)]
Limit500 = Annotated[int, Field(ge=1, le=500)]


class ClaimListQuery(BaseModel):
    status: str | None = Field(default=None, max_length=20, examples=["submitted"])
    payer_id: str | None = Field(default=None, max_length=80)
    encounter_id: UUID | None = None
    frequency_code: str | None = Field(default=None, pattern="^[178]$", description="1 original, 7 replacement, 8 void")
    limit: Limit200 = 50
    cursor: str | None = Field(default=None, max_length=100, pattern=CLAIM_CURSOR,
                               description="The next_cursor of the previous page")


class ClaimSummary(ApiModel):
    claim_id: UUID
    encounter_id: UUID
    status: str = Field(examples=["submitted"])
    payer_id: str = Field(examples=["AETNA"])
    patient_control_number: str
    payer_claim_number: str | None
    frequency_code: str = Field(examples=["1"])
    total_charge: Money = Field(examples=["185.00"])
    created_at: Timestamp


class ClaimPage(ApiModel):
    items: list[ClaimSummary]
    next_cursor: str | None = Field(description="Pass as `cursor` for the next (older) page; null at the end.")


class ClaimLineOut(ApiModel):
    line_number: int
    procedure_code: str = Field(examples=["99213"])
    modifiers: list[str]
    units: int
    charge: Money = Field(examples=["125.00"])
    date_of_service: date


class ClaimDetail(ApiModel):
    """The claims service's record of one claim."""

    claim_id: UUID
    encounter_id: UUID
    status: str = Field(examples=["paid"])
    patient_control_number: str
    payer_id: str
    payer_claim_number: str | None
    frequency_code: str
    original_claim_id: UUID | None
    payer_sequence: Literal["P", "S", "T"] = Field(
        default="P", description="The payer's place among the encounter's coverages (837P SBR01): P, S or T")
    prior_claim_id: UUID | None = Field(
        default=None, description="A later payer's claim: the claim billed to the payer before it")
    total_charge: Money
    edits: list[dict[str, Any]] = Field(description="Scrub edits that held or warned about the claim")
    diagnoses: list[str] = Field(examples=[["E11.9", "I10"]])
    eligibility: dict[str, Any] | None
    payer_status: dict[str, Any] | None = Field(description="The payer's latest claim status answer (277)")
    submitted_at: Timestamp | None
    next_inquiry_on: date | None
    next_action_on: date | None
    lines: list[ClaimLineOut]
    timeline: list[TimelineEntry]


class ClaimFixed(ApiModel):
    claim_id: UUID
    status: str = Field(examples=["ready"])
    edits: list[dict[str, Any]]


class CorrectionBilled(ApiModel):
    """A replacement (frequency 7) or void (frequency 8) billed for an adjudicated claim."""

    claim_id: UUID
    original_claim_id: UUID
    frequency_code: Literal["7", "8"]
    status: str
    edits: list[dict[str, Any]]


class Payer(ApiModel):
    payer_id: str = Field(examples=["AETNA"])
    name: str
    x12_payer_id: str
    timely_filing_days: int
    appeal_days: int
    expected_days: int
    claim_filing_indicator: str | None
    program: str | None
    filing_indicator_name: str | None


class PayerList(ApiModel):
    items: list[Payer]


class FollowUpQuery(BaseModel):
    payer_id: str | None = None
    due_only: bool = False
    limit: Limit500 = 50


class Note(ApiModel):
    note_id: int
    note: str
    author: str = Field(examples=["key:6f1c…"])
    at: Timestamp | None
    next_action_on: date | None


class NoteList(ApiModel):
    items: list[Note]


class FollowUpItem(ApiModel):
    claim_id: UUID
    patient_control_number: str
    payer_id: str
    status: str
    amount: Money
    submitted_at: Timestamp
    age_days: int
    expected_days: int
    days_overdue: int
    priority: DecimalText = Field(description="Larger first: amount weighted by how overdue the claim is")
    payer_status: dict[str, Any] | None
    next_inquiry_on: date | None
    next_action_on: date | None
    suggested_action: str = Field(examples=["status inquiry (276) scheduled"])
    last_note: Note | None


class FollowUpQueue(ApiModel):
    items: list[FollowUpItem]


class LagFigures(ApiModel):
    claims: int
    mean_days: DecimalText | None
    median_days: DecimalText | None
    p90_days: int | None
    max_days: int | None


class PayerLag(LagFigures):
    payer_id: str


class SubmissionLagQuery(BaseModel):
    since: date | None = None


class SubmissionLag(ApiModel):
    overall: LagFigures
    by_payer: list[PayerLag]


class HeldQuery(BaseModel):
    limit: Limit500 = 100


class HeldResponse(ApiModel):
    id: int
    kind: str = Field(examples=["271", "277", "277CA"])
    reason: str
    trace: str | None
    received_at: Timestamp | None


class HeldResponses(ApiModel):
    items: list[HeldResponse]


class AckApplied(ApiModel):
    """What a clearinghouse answer (999, 277CA, 271, 277) changed; `answers` for a 271, `claims` otherwise."""

    kind: Literal["999", "277CA", "271", "277"]
    claims: int | None = None
    answers: int | None = None
    applied: int
    held: int


class MailingAddress(ApiModel):
    patient_id: str
    name: Any
    address: dict[str, Any]
