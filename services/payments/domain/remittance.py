"""An 835 as the payments domain reads it: one check (or EFT) and the claim payments it settles.

Frozen and tuple-valued so a parsed remittance cannot drift from the file it came from. No patient
names or member ids are kept (the NM1 loops are skipped): nothing downstream needs them.
"""
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from shared.contracts.common import Adjustment


@dataclass(frozen=True)
class ServicePayment:
    """One SVC loop (2110); field names follow shared.contracts.remit.RemitServiceLine."""

    procedure_qualifier: str  # SVC01-1: HC, AD, NU, ...
    procedure_code: str  # SVC01-2: the code the payer adjudicated
    modifiers: tuple[str, ...]
    charge: Decimal
    paid: Decimal
    units: str | None = None  # SVC05, units paid
    date_of_service: date | None = None  # DTM*472 (or DTM*150)
    line_control_number: str | None = None  # REF*6R, ours from the 837P
    adjustments: tuple[Adjustment, ...] = ()
    remark_codes: tuple[str, ...] = ()  # LQ*HE RARCs
    original_qualifier: str | None = None  # SVC06-1 when the payer changed the code
    original_procedure_code: str | None = None  # SVC06-2: the code we billed
    original_modifiers: tuple[str, ...] | None = None
    original_units: str | None = None  # SVC07
    allowed: Decimal | None = None  # AMT*B6
    position: int = 0  # 1-based segment index of the SVC, for messages that must not quote PHI

    @property
    def billed_code(self) -> str:
        """The procedure we sent: SVC06 when the payer recoded, bundled or unbundled, else SVC01."""
        return self.original_procedure_code or self.procedure_code

    @property
    def billed_modifiers(self) -> tuple[str, ...]:
        return self.original_modifiers if self.original_procedure_code else self.modifiers


@dataclass(frozen=True)
class ClaimPaymentRecord:
    """One CLP loop (2100); field names follow shared.contracts.remit.RemitReceived's claim fields."""

    patient_control_number: str  # CLP01, our claim's CLM01
    status_code: str  # CLP02
    charge: Decimal  # CLP03
    paid: Decimal  # CLP04
    patient_responsibility: Decimal  # CLP05 (0 when absent)
    payer_claim_control_number: str | None = None  # CLP07
    claim_adjustments: tuple[Adjustment, ...] = ()
    remark_codes: tuple[str, ...] = ()  # MOA/MIA RARCs
    service_lines: tuple[ServicePayment, ...] = ()
    claim_filing_indicator: str | None = None  # CLP06
    frequency_code: str | None = None  # CLP09
    statement_from: date | None = None  # DTM*232
    statement_to: date | None = None  # DTM*233
    position: int = 0  # 1-based segment index of the CLP


@dataclass(frozen=True)
class ProviderAdjustment:
    """One PLB adjustment: positive amounts reduce the check (WO recoupment), negative add to it (L6 interest)."""

    reason: str  # PLB03-1: WO, L6, FB, CV, ...
    reference: str  # PLB03-2
    amount: Decimal


@dataclass(frozen=True)
class Remittance:
    payer_id: str  # REF*2U, else N1*PR04, else TRN03, else the payer's name
    payer_name: str
    payee_npi: str  # N1*PE04 when N103 = XX
    payee_tax_id: str  # N1*PE04 when N103 = FI, or REF*TJ
    trace_number: str  # TRN02: check or EFT trace number
    payer_trace_id: str  # TRN03: payer's originating company id
    payment_method: str  # BPR04: ACH, CHK, NON, ...
    total_paid: Decimal  # BPR02
    payment_date: date | None  # BPR16
    claims: tuple[ClaimPaymentRecord, ...] = ()
    provider_adjustments: tuple[ProviderAdjustment, ...] = ()
    credit_debit: str = "C"  # BPR03: D when the payer takes money back
    position: int = 0  # 1-based segment index of the ST

    @property
    def signed_total(self) -> Decimal:
        """BPR02 as money in (+) or out (-) of the provider's account."""
        return -self.total_paid if self.credit_debit == "D" else self.total_paid
