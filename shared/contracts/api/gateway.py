"""Resources the gateway itself composes or owns: the merged claim view, the encounter as a client sees it,
API keys and the tenant KPIs."""
from typing import Any, Literal
from uuid import UUID

from pydantic import Field

from shared.contracts.api.claims import ClaimDetail
from shared.contracts.api.common import ApiModel, DecimalText, Money, Timestamp
from shared.contracts.api.denials import Denial
from shared.contracts.api.payments import Adjustment, Posting


class ClaimView(ClaimDetail):
    """The claim with its payments, adjustments and denials, and one timeline across the services. The
    payments fields are absent while payments has posted nothing. A part whose service could not answer is
    absent too and named in `unavailable`, so that a partial view is never read as "nothing posted"."""

    payments: list[Posting] = Field(default_factory=list)
    adjustments: list[Adjustment] = Field(default_factory=list)
    balance: Money | None = Field(default=None, description="The claim's insurance receivable in the ledger")
    denials: list[Denial] = Field(default_factory=list)
    unavailable: list[Literal["payments", "denials"]] = Field(
        default_factory=list, description="Parts left out because their service did not answer: retry later")


class EncounterFailure(ApiModel):
    stage: str = Field(examples=["claim.coded"])
    reason: str
    failed_at: Timestamp | None


class EncounterView(ApiModel):
    """`received` until coding has the encounter (then coding's fields join); `failed`, with the reason,
    while an event of it sits dead-lettered."""

    encounter_id: UUID
    external_id: str
    status: str = Field(examples=["received", "coded", "needs_review", "failed"])
    received_at: Timestamp | None = None
    claim_id: UUID | None = None
    diagnoses: list[Any] = Field(default_factory=list)
    procedures: list[Any] = Field(default_factory=list)
    edits: list[Any] = Field(default_factory=list)
    suggestions: list[Any] = Field(default_factory=list)
    assigned_to: str | None = None
    updated_at: Timestamp | None = None
    failure: EncounterFailure | None = None


class ApiKeyOut(ApiModel):
    key_id: UUID
    prefix: str
    scopes: list[str] = Field(examples=[["billing:read", "billing:write"]])
    created_at: Timestamp | None
    revoked_at: Timestamp | None


class ApiKeyIssued(ApiKeyOut):
    api_key: str = Field(description="Shown once; only its hash is stored.")


class ApiKeyList(ApiModel):
    items: list[ApiKeyOut]


class OpsKeyIssued(ApiModel):
    key_id: UUID
    prefix: str
    scopes: list[str] = Field(examples=[["ops"]])
    api_key: str = Field(description="Shown once; only its hash is stored.")


class OpsKeyRevoked(ApiModel):
    key_id: UUID
    revoked: bool


class Ratio(ApiModel):
    value: DecimalText | None = Field(description="numerator / denominator; null when the denominator is 0")
    numerator: DecimalText
    denominator: DecimalText


class KpiVolumes(ApiModel):
    claims_by_status: dict[str, int]
    adjudicated: int
    denied_claims: int
    open_denials: int
    suspense_open: int
    receivable: DecimalText
    charges: DecimalText
    period_days: int


class Kpis(ApiModel):
    clean_claim_rate: Ratio
    denial_rate: Ratio
    first_pass_resolution_rate: Ratio
    days_in_ar: Ratio
    net_collection_rate: Ratio
    denial_rate_by_payer: dict[str, Ratio]
    denial_rate_by_reason: dict[str, Ratio]
    denial_rate_by_carc: dict[str, Ratio]
    volumes: KpiVolumes


class OpsSession(ApiModel):
    key_id: UUID
    scopes: list[str]


class PipelineHealth(ApiModel):
    """The dashboard's pipeline view: per-stage consumer figures, service health, DLQ depths (null when Kafka
    cannot say), and the work queues (null when their service is down)."""

    stages: list[dict[str, Any]]
    services: list[dict[str, Any]]
    dlq: dict[str, int] | None
    queues: dict[str, int | None]


class OpsSearch(ApiModel):
    query: str
    traces: list[str]
    spans: list[dict[str, Any]]
    where: Any
    records: list[dict[str, Any]] = Field(description="What coding and claims hold for the id (no PHI)")


class DeadLetterSummary(ApiModel):
    topic: str
    partition: int
    offset: int
    key: str
    bytes: int
    error: str | None
    original_topic: str | None
    consumer_group: str | None
    failed_at: str | None


class DeadLetters(ApiModel):
    items: list[DeadLetterSummary]


class DeadLetter(DeadLetterSummary):
    value: str


class DeadLetterReplayed(ApiModel):
    replayed_to: str
    topic: str
    partition: int
    offset: int
