"""Payments' public resources: remittances, a claim's postings and balance, patient accounts, deposits,
reconciliation, suspense and the A/R reports."""
from typing import Annotated, Any, Literal
from uuid import UUID

from pydantic import BaseModel, Field

from shared.contracts.api.common import ApiModel, DecimalText, Money, Timestamp, TimelineEntry, date

SUSPENSE_ID_MAX = 2**31 - 1  # suspense items are numbered by a Postgres integer: larger is no item
AsOf = Annotated[date | None, Field(description="Compute as of this day (default: today, UTC).")]


class RemitAccepted(ApiModel):
    remit_id: UUID
    status: Literal["accepted", "duplicate"]
    claims: int = Field(description="Claim payments the 835 carries")
    detail: str | None = Field(examples=["duplicate of a remittance already posted; nothing posted"])


class Remit(ApiModel):
    remit_id: UUID
    status: Literal["accepted", "duplicate", "rejected"]
    source: Literal["api", "clearinghouse"]
    payer_id: str | None
    trace_number: str | None = Field(description="The 835's TRN02 (EFT trace or check number)")
    total_paid: Money | None = Field(examples=["1250.00"])
    posted_cash: Money
    claims: int
    problems: list[Any] = Field(description="Why a rejected 835 was refused")
    received_at: Timestamp


class Posting(ApiModel):
    remit_id: UUID | None
    amount: Money
    kind: Literal["payment", "reversal"]
    payer_claim_number: str | None
    posted_at: Timestamp


class Adjustment(ApiModel):
    account: str = Field(examples=["adj:contractual", "ar:patient"])
    amount: Money
    line_number: int | None
    memo: str | None
    category: str | None = Field(examples=["deductible"])


class ClaimPostings(ApiModel):
    """What payments merges into the claim view."""

    payments: list[Posting]
    adjustments: list[Adjustment]
    balance: Money = Field(description="The claim's insurance receivable in the ledger")
    timeline: list[TimelineEntry]


class ClaimBalance(ApiModel):
    claim_id: UUID
    charge: Money
    paid: Money
    adjustments: Money
    patient_responsibility: Money
    balance: Money = Field(description="charge - paid - adjustments - patient responsibility")
    ledger_balance: Money
    consistent: bool
    closed: bool


class AsOfQuery(BaseModel):
    as_of: AsOf = None


class PrTotals(ApiModel):
    deductible: Money
    coinsurance: Money
    copay: Money
    other: Money
    other_payers_paid: Money
    patient_paid: Money


class PatientClaim(PrTotals):
    claim_id: UUID
    date_of_service: date | None
    payer_id: str
    charge: Money
    balance: Money


class AgingBucket(ApiModel):
    amount: Money
    count: int


class StatementStage(ApiModel):
    stage: str = Field(examples=["first_statement", "final_notice"])
    date: date
    due: bool


class StatementCycle(ApiModel):
    balance: Money
    status: Literal["settled", "in_cycle", "credit"]
    cycle_start: date | None
    stage: str | None
    schedule: list[StatementStage]
    next_stage: str | None
    next_date: date | None


class PatientAccount(ApiModel):
    patient_id: str
    as_of: date
    balance: Money
    credit: Money = Field(description="Overpayment held on account")
    amount_due: Money
    totals: PrTotals
    claims: list[PatientClaim]
    aging: dict[str, AgingBucket] = Field(description="Open balance by age bucket (0-30, 31-60, ... 120+)")
    statement_cycle: StatementCycle


class Allocation(ApiModel):
    """The part of a patient payment applied to one claim."""

    claim_id: UUID
    amount: Money


class CreditHeld(ApiModel):
    """The part of a patient payment beyond what the patient owes, held as credit for later charges."""

    claim_id: None = None
    credit: Money


class PatientPaymentPosted(ApiModel):
    payment_id: UUID
    patient_id: str
    reference: str
    amount: Money
    method: str
    received_on: date
    allocations: list[Allocation | CreditHeld] = Field(description="How the payment was split over the patient's claims, "
                                                      "oldest balance first; the rest is held as credit")
    replayed: bool = Field(description="True when this reference had already been posted (nothing new posted)")


class PatientRefundPaid(ApiModel):
    refund_id: UUID
    patient_id: str
    reference: str
    amount: Money
    method: str
    refunded_on: date
    replayed: bool


class DepositRecorded(ApiModel):
    deposit_id: UUID
    method: Literal["EFT", "CHK"]
    trace_number: str
    amount: Money
    deposited_on: date


class RemitPayment(ApiModel):
    remit_id: UUID
    trace_number: str
    payer_id: str
    amount: Money


class DepositMatch(ApiModel):
    deposit: DepositRecorded
    remittance: RemitPayment


class ClaimChecks(ApiModel):
    closed: int
    open: int
    inconsistent: list[ClaimBalance]


class Reconciliation(ApiModel):
    matched: list[DepositMatch]
    amount_mismatches: list[DepositMatch]
    unmatched_deposits: list[DepositRecorded]
    unmatched_remittances: list[RemitPayment]
    claims: ClaimChecks


class AgingRow(ApiModel):
    buckets: dict[str, AgingBucket]
    amount: Money
    count: int


class ArAgingQuery(AsOfQuery):
    basis: Literal["submission", "date_of_service"] = "submission"


class ArAging(ApiModel):
    as_of: date
    buckets: list[str] = Field(examples=[["0-30", "31-60", "61-90", "91-120", "120+"]])
    tenant: AgingRow
    by_payer: dict[str, AgingRow]
    by_provider: dict[str, AgingRow] = Field(description="By rendering NPI")


class ArKpisQuery(AsOfQuery):
    period_days: int = Field(default=90, ge=1, le=366)


class BillingLag(ApiModel):
    claims: int
    average_days: DecimalText | None
    median_days: DecimalText | None
    max_days: int | None


class ArKpis(ApiModel):
    as_of: date
    period_days: int
    total_ar: Money
    insurance_ar: Money
    patient_ar: Money
    charges_in_period: Money
    days_in_ar: DecimalText | None
    billing_lag: BillingLag
    collections_in_period: Money
    contractual_in_period: Money
    net_collection_rate_percent: DecimalText | None


class SuspenseQuery(BaseModel):
    status: Literal["open", "posted", "closed"] = "open"
    cursor: int | None = Field(default=None, ge=1, le=SUSPENSE_ID_MAX, description="next_cursor of the previous page")
    limit: int = Field(default=50, ge=1, le=200)


class SuspenseItem(ApiModel):
    id: int
    kind: Literal["payment", "write_off", "correction", "overpayment"] = Field(
        description="payment or write_off: waiting for its claim; correction: a later payer's claim to void, or "
                    "a crossover payment to watch, after its primary claim was replaced or voided (worked by a person, then closed; "
                    "a crossover payer's reversal closes it); overpayment: a payer paid after its claim was voided, the money is "
                    "owed back to it (refund it, or ask for the payer's reversal, which closes the item)")
    remit_id: UUID = Field(description="The remittance, the denial for a write-off, or the correcting claim")
    claim_id: UUID | None
    patient_control_number: str
    reason: str
    paid: Money | None
    status: Literal["open", "posted", "closed"]
    resolution: str | None
    created_at: Timestamp | None
    resolved_at: Timestamp | None


class SuspensePage(ApiModel):
    items: list[SuspenseItem]
    next_cursor: int | None
