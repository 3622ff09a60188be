"""encounter.documented: what a client EHR documented, as the gateway accepted it."""
from datetime import date

from pydantic import Field

from shared.contracts.common import Contract, Coverage, DiagnosisCode, Patient, ProcedureLine, Provider


class EncounterFacts(Contract):
    """The documented facts; the public POST /v1/encounters body is exactly these fields."""

    external_id: str = Field(min_length=1, max_length=80)
    date_of_service: date
    place_of_service: str = Field(pattern=r"^\d{2}$")
    patient: Patient
    coverage: Coverage
    other_coverages: list[Coverage] = Field(
        default_factory=list, max_length=2,
        description="Secondary, then tertiary coverage: each billed after the payer before it has answered.")
    rendering_provider: Provider
    referring_provider: Provider | None = Field(
        default=None,
        description="Who referred or ordered the service (837P 2310A); Medicare requires it on lab and imaging.")
    diagnoses: list[DiagnosisCode] = Field(default_factory=list, max_length=12)
    procedures: list[ProcedureLine] = Field(default_factory=list, max_length=50)
    note: str | None = Field(default=None, max_length=20000)
    prior_authorization: str | None = Field(default=None, max_length=50)


class EncounterDocumented(EncounterFacts):
    encounter_id: str
    source_format: str = Field(default="json", description="json, fhir or hl7v2")
