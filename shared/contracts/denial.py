"""denial.opened and denial.resolved."""
from pydantic import Field

from shared.contracts.claim import CorrectedProcedure
from shared.contracts.common import Contract, DiagnosisCode
from shared.money import Money


class DenialOpened(Contract):
    denial_id: str
    claim_id: str
    remit_id: str
    payer_id: str
    level: str = Field(pattern=r"^(claim|line)$")
    procedure_code: str | None = None
    procedure_codes: list[str] = Field(default_factory=list,
                                       description="Every procedure the denial covers: the line's, or all of a denied claim's.")
    carc_codes: list[str]
    rarc_codes: list[str] = Field(default_factory=list)
    category: str
    amount: Money
    preventable: bool


class DenialResolved(Contract):
    denial_id: str
    claim_id: str
    resolution: str = Field(pattern=r"^(paid|appealed_won|corrected|written_off)$")
    amount: Money
    reason: str | None = None


# ---- the denials work queue's API (the gateway's public contract; the denials service checks it again) ----------

class AssignDenial(Contract):
    assignee: str | None = Field(max_length=100, description="A user or team name; null unassigns.",
                                 examples=["ar-team-1"])


class WriteOffDenial(Contract):
    reason: str = Field(min_length=3, max_length=500, examples=["Authorization not obtainable after the fact"])


class AppealDenial(Contract):
    note: str = Field(default="", max_length=4000, examples=["Authorization 12345 was on file; see enclosed."])
    enclosures: list[str] = Field(default_factory=list, max_length=20, examples=[["Authorization approval letter"]])


class AppealOutcome(Contract):
    outcome: str = Field(pattern=r"^(won|lost)$", examples=["lost"])
    note: str = Field(default="", max_length=2000)


class ClaimCorrection(Contract):
    """What changes on the replacement claim; anything left out stays as billed."""

    procedures: list[CorrectedProcedure] | None = Field(default=None, min_length=1, max_length=50, examples=[[
        {"code": "99213", "modifiers": ["25"], "units": 1, "diagnosis_pointers": [1]}]])
    diagnoses: list[DiagnosisCode] | None = Field(default=None, min_length=1, max_length=12, examples=[["E11.9"]])
    prior_authorization: str | None = Field(default=None, max_length=50)
    reason: str = Field(min_length=3, max_length=500, examples=["Modifier 25 was missing on the visit"])


class BulkDenialAction(Contract):
    denial_ids: list[str] = Field(min_length=1, max_length=200)
    action: str = Field(pattern=r"^(assign|write-off)$")
    assignee: str | None = Field(default=None, max_length=100)
    reason: str | None = Field(default=None, min_length=3, max_length=500)
