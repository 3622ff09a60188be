"""Request bodies of the public API, declared once: the service that owns the route validates with
them, and the gateway, which forwards the body as it came, declares them in its OpenAPI document."""
from datetime import date
from typing import Annotated, Literal
from uuid import UUID

from pydantic import BaseModel, ConfigDict, Field

from shared.money import LARGEST_AMOUNT, Money


class ReviewedProcedure(BaseModel):
    code: str = Field(min_length=4, max_length=5, examples=["99213"])
    modifiers: list[str] = Field(default_factory=list, max_length=4)
    units: int = Field(default=1, ge=1, le=999)
    diagnosis_pointers: list[int] = Field(min_length=1, max_length=4, description="1-12, into `diagnoses`")


class CodingReview(BaseModel):
    """The final codes and why; clean codes release the encounter as a claim."""

    diagnoses: list[str] = Field(min_length=1, max_length=12, examples=[["E11.9", "I10"]])
    procedures: list[ReviewedProcedure] = Field(min_length=1, max_length=50)
    reason: str = Field(min_length=3, max_length=500)


class ClaimFix(BaseModel):
    """Fields a biller may correct on a held or rejected claim; omitted ones stay as they are."""

    model_config = ConfigDict(extra="forbid")
    coverage: dict | None = None
    patient: dict | None = None
    rendering_provider: dict | None = None
    referring_provider: dict | None = Field(default=None, description="The ordering or referring provider "
                                                                      "(837P 2310A): added, or merged field by field.")
    diagnoses: list[dict] | None = None
    procedures: list[dict] | None = None
    prior_authorization: str | None = None
    place_of_service: str | None = None


class FollowUpNote(BaseModel):
    model_config = ConfigDict(extra="forbid")
    note: str = Field(min_length=1, max_length=4000)
    next_action_on: date | None = Field(default=None, description="Today or later: when the claim is due again.")


class PatientPayment(BaseModel):
    amount: Money = Field(gt=0, le=LARGEST_AMOUNT)
    reference: str = Field(min_length=1, max_length=80, description="Receipt or transaction number; a resend "
                                                                    "with the same reference posts nothing new.")
    method: Literal["cash", "check", "card", "ach", "other"]
    received_on: date | None = None


class PatientRefund(BaseModel):
    amount: Money = Field(gt=0, le=LARGEST_AMOUNT)
    reference: str = Field(min_length=1, max_length=80, description="Refund check or transaction number; a resend "
                                                                    "with the same reference refunds nothing new.")
    method: Literal["check", "card", "ach", "cash", "other"]
    refunded_on: date | None = None


class Deposit(BaseModel):
    method: Literal["EFT", "CHK"]
    trace_number: str = Field(min_length=1, max_length=80, description="ACH trace or check number (the 835's TRN02).")
    amount: Money = Field(ge=-LARGEST_AMOUNT, le=LARGEST_AMOUNT)
    deposited_on: date


class ApplySuspense(BaseModel):
    claim_id: UUID
    note: str = Field(min_length=1, max_length=150, description="Why the payment belongs to this claim.")


class CloseSuspense(BaseModel):
    reason: str = Field(min_length=1, max_length=200)


class RefundOverpayment(BaseModel):
    reference: str = Field(min_length=1, max_length=80, pattern=r"^[^\x00-\x1f\x7f]+$",
                           description="The refund check or transfer number sent to the payer.")
    method: Literal["check", "ach", "other"]
    refunded_on: date | None = Field(default=None, description="The day it was paid; today (UTC) when left out.")



class VoidClaim(BaseModel):
    reason: str = Field(min_length=3, max_length=500, examples=["billed to the wrong payer"])


class AskProvider(BaseModel):
    unclear: str = Field(min_length=3, max_length=500, examples=["Diabetes type and control are not documented"])
    question: str = Field(min_length=3, max_length=1000, examples=["Please document the type of diabetes mellitus."])
    options: list[Annotated[str, Field(min_length=1, max_length=200)]] = Field(
        default_factory=list, max_length=10, examples=[["Type 1", "Type 2", "Other (please specify)"]])


class ProviderAnswer(BaseModel):
    answer: str = Field(min_length=1, max_length=2000, examples=["Type 2"])


class CodingSettings(BaseModel):
    """Replaced as a whole: omitted fields take their defaults, so auto-accept stays off unless sent as true."""

    model_config = ConfigDict(extra="forbid")
    auto_accept_threshold: float | None = Field(
        default=None, ge=0, le=1, examples=[0.92],
        description="Note suggestions at or above it may be coded without review; null returns to the default.")
    auto_accept: bool = Field(default=False, description="Bill codes suggested from the note alone without a "
                                                         "coder's review (confidence at or above the threshold).")
    accept_below_target_precision: bool = Field(
        default=False, description="Required with auto_accept when the measured precision at the threshold is "
                                   "below the target (see GET): the tenant accepts that error rate.")
