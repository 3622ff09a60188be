"""An 835 as the payments domain reads it."""
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from shared.contracts.common import Adjustment


@dataclass
class ServicePayment:
    qualifier: str
    procedure_code: str
    modifiers: list[str]
    charge: Decimal
    paid: Decimal
    units: str | None = None
    original_procedure: str | None = None
    date_of_service: date | None = None
    line_control_number: str | None = None
    adjustments: list[Adjustment] = field(default_factory=list)
    remark_codes: list[str] = field(default_factory=list)


@dataclass
class ClaimPaymentRecord:
    patient_control_number: str
    status_code: str
    charge: Decimal
    paid: Decimal
    patient_responsibility: Decimal
    payer_claim_control_number: str | None = None
    adjustments: list[Adjustment] = field(default_factory=list)
    remark_codes: list[str] = field(default_factory=list)
    service_lines: list[ServicePayment] = field(default_factory=list)


@dataclass(frozen=True)
class ProviderAdjustment:
    reason: str
    reference: str
    amount: Decimal


@dataclass
class Remittance:
    payer_id: str
    payer_name: str
    payee_npi: str
    trace_number: str
    payer_trace_id: str
    payment_method: str
    total_paid: Decimal
    payment_date: date | None
    claims: list[ClaimPaymentRecord] = field(default_factory=list)
    provider_adjustments: list[ProviderAdjustment] = field(default_factory=list)
