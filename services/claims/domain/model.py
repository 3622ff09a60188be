"""The claim as the claims domain sees it: priced lines, parties, payer."""
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from shared.contracts.common import Coverage, Patient, Provider
from shared.contracts.tenant import BillingProvider


@dataclass(frozen=True)
class Payer:
    payer_id: str
    name: str
    x12_payer_id: str
    timely_filing_days: int
    appeal_days: int
    expected_days: int


@dataclass(frozen=True)
class ClaimLine:
    line_number: int
    procedure_code: str
    modifiers: tuple[str, ...]
    units: int
    charge: Decimal
    diagnosis_pointers: tuple[int, ...]
    date_of_service: date


@dataclass(frozen=True)
class Claim:
    claim_id: str
    tenant_id: str
    encounter_id: str
    patient_control_number: str
    frequency_code: str
    original_payer_claim_number: str | None
    billing_provider: BillingProvider
    rendering_provider: Provider
    patient: Patient
    coverage: Coverage
    payer: Payer
    place_of_service: str
    date_of_service: date
    diagnoses: tuple[str, ...]
    lines: tuple[ClaimLine, ...]
    prior_authorization: str | None = None
    extra: dict = field(default_factory=dict)

    @property
    def total_charge(self) -> Decimal:
        return sum((line.charge for line in self.lines), Decimal("0.00"))
