"""The claim as the claims domain sees it: priced lines, parties, payer.

Frozen and slotted: a built claim is a value the scrubber and the 837P writer only read, and
thousands are built per second.
"""
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from shared.contracts.common import Adjustment, Coverage, Patient, Provider
from shared.contracts.tenant import BillingProvider
from shared.money import ZERO


@dataclass(frozen=True, slots=True)
class Payer:
    """A payer a tenant bills, with the deadlines that drive scrubbing and follow-up."""

    payer_id: str
    name: str
    x12_payer_id: str
    timely_filing_days: int
    appeal_days: int
    expected_days: int
    claim_filing_indicator: str = "CI"  # SBR09: MB Medicare Part B, MC Medicaid, BL the Blues, CI commercial, ...


@dataclass(frozen=True, slots=True)
class ClaimLine:
    line_number: int
    procedure_code: str
    modifiers: tuple[str, ...]
    units: int
    charge: Decimal
    diagnosis_pointers: tuple[int, ...]
    date_of_service: date


@dataclass(frozen=True, slots=True)
class LineAdjudication:
    """What an earlier payer did with one service line (837P 2430: SVD, CAS, DTP*573)."""

    line_number: int
    procedure_code: str
    modifiers: tuple[str, ...]
    units: int
    paid: Decimal
    adjustments: tuple[Adjustment, ...]


@dataclass(frozen=True, slots=True)
class PriorPayer:
    """A payer that adjudicated the claim before the one it is billed to now (837P 2320, 2330A, 2330B).

    `sequence` is that payer's place (P primary, S secondary); `adjudicated_on` is its 835's payment date."""

    payer: Payer
    coverage: Coverage
    sequence: str
    payer_claim_number: str | None
    paid: Decimal
    patient_responsibility: Decimal
    adjudicated_on: date
    claim_adjustments: tuple[Adjustment, ...]
    lines: tuple[LineAdjudication, ...]

    @property
    def adjudicated_by_line(self) -> bool:
        """The payer answered line by line (2430 loops); otherwise only at the claim (DTP*573 in 2330B)."""
        return any(line.adjustments or line.paid for line in self.lines)


@dataclass(frozen=True, slots=True)
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
    payer_sequence: str = "P"  # SBR01: P primary, S secondary, T tertiary
    prior_payers: tuple[PriorPayer, ...] = ()
    referring_provider: Provider | None = None  # 2310A: who referred or ordered the services

    @property
    def total_charge(self) -> Decimal:
        """CLM02: the sum of the line charges, as the 837P requires."""
        return sum((line.charge for line in self.lines), ZERO)
