"""claim.coded, claim.submitted and claim.acknowledged."""
from datetime import date, datetime

from pydantic import Field

from shared.contracts.common import (
    CodeSource,
    Contract,
    Coverage,
    DiagnosisCode,
    EditResult,
    Modifier,
    Patient,
    ProcedureCode,
    Provider,
)
from shared.money import Money


class CodedDiagnosis(Contract):
    code: DiagnosisCode
    source: CodeSource = CodeSource.PROVIDER


class CodedProcedure(Contract):
    code: ProcedureCode
    modifiers: list[Modifier] = Field(default_factory=list, max_length=4)
    units: int = Field(default=1, ge=1)
    diagnosis_pointers: list[int] = Field(min_length=1, max_length=4)
    charge: Money | None = None
    source: CodeSource = CodeSource.PROVIDER


class ClaimCoded(Contract):
    """Final codes for one claim. frequency_code 7 (replacement) or 8 (void) names the claim it corrects."""

    claim_id: str = Field(description="claim_id_for(tenant_id, patient_control_number)")
    patient_control_number: str = Field(min_length=1, max_length=20, description="CLM01")
    encounter_id: str
    external_id: str
    date_of_service: date
    place_of_service: str
    patient: Patient
    coverage: Coverage
    other_coverages: list[Coverage] = Field(default_factory=list, max_length=2,
                                            description="Secondary, then tertiary: billed after the primary's 835.")
    rendering_provider: Provider
    referring_provider: Provider | None = Field(default=None, description="837P 2310A (NM1*DN), when documented.")
    diagnoses: list[CodedDiagnosis] = Field(min_length=1, max_length=12)
    procedures: list[CodedProcedure] = Field(min_length=1, max_length=50)
    prior_authorization: str | None = None
    edits: list[EditResult] = Field(default_factory=list, description="Warnings that passed; errors never reach a claim.")
    frequency_code: str = Field(default="1", pattern=r"^[178]$")
    original_claim_id: str | None = None
    original_payer_claim_number: str | None = Field(default=None, description="REF*F8 on a 7 or 8.")


class SubmittedLine(Contract):
    line_number: int
    procedure_code: str
    modifiers: list[str] = Field(default_factory=list)
    units: int
    charge: Money
    date_of_service: date


class ClaimSubmitted(Contract):
    claim_id: str
    encounter_id: str
    patient_control_number: str = Field(description="CLM01, what the payer echoes back in CLP01.")
    payer_id: str
    patient_id: str = Field(description="The practice's patient id, for patient balances.")
    rendering_npi: str
    frequency_code: str = "1"
    original_claim_id: str | None = None
    total_charge: Money
    lines: list[SubmittedLine]
    payer_name: str | None = None
    payer_appeal_days: int | None = Field(default=None, description="Days the payer allows to appeal a denial.")
    original_payer_claim_number: str | None = Field(
        default=None, description="REF*F8 of a replacement (7) or void (8) claim: the payer's number for the claim it corrects.")
    interchange_control_number: str
    submitted_at: datetime
    payer_sequence: str = Field(default="P", pattern=r"^[PST]$",
                                description="SBR01: the payer's place in the encounter's coverages.")
    payers_after: int = Field(default=0, ge=0, le=2, description="How many coverages come after this payer: while "
                              "one does, the patient's share this payer leaves is billed to it, not to the patient.")
    prior_claim_id: str | None = Field(default=None, description="The claim billed to the payer before this one; "
                                       "this claim bills what the earlier payers left of the encounter's balance.")


class ClaimAcknowledged(Contract):
    """A 999 or 277CA answer about one claim."""

    claim_id: str
    source: str = Field(pattern=r"^(999|277CA)$")
    accepted: bool
    payer_claim_control_number: str | None = None
    reasons: list[str] = Field(default_factory=list)


class CorrectedProcedure(Contract):
    code: ProcedureCode
    modifiers: list[Modifier] = Field(default_factory=list, max_length=4)
    units: int = Field(default=1, ge=1)
    diagnosis_pointers: list[int] = Field(default_factory=lambda: [1], min_length=1, max_length=4)


class ClaimCorrectionRequested(Contract):
    """A biller corrected a denied claim: claims sends a replacement (frequency 7, REF*F8) with these changes."""

    correction_id: str
    claim_id: str
    denial_id: str | None = None
    procedures: list[CorrectedProcedure] | None = Field(default=None, min_length=1, max_length=50,
                                                        description="Replaces every service line when given.")
    diagnoses: list[DiagnosisCode] | None = Field(default=None, min_length=1, max_length=12)
    prior_authorization: str | None = Field(default=None, max_length=50)
    reason: str = Field(min_length=3, max_length=500)
