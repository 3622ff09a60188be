"""remit.received: one claim payment (CLP loop) of an 835, as the payments service ingested it."""
from datetime import date

from pydantic import Field

from shared.contracts.common import Adjustment, Contract
from shared.money import Money


class RemitServiceLine(Contract):
    procedure_qualifier: str = Field(default="HC", description="SVC01-1: HC, AD, NU, ...")
    procedure_code: str
    modifiers: list[str] = Field(default_factory=list)
    charge: Money
    paid: Money
    units: str | None = None
    date_of_service: date | None = None
    line_control_number: str | None = Field(default=None, description="REF*6R, our line item control number.")
    adjustments: list[Adjustment] = Field(default_factory=list)
    remark_codes: list[str] = Field(default_factory=list, description="LQ RARCs")


class RemitReceived(Contract):
    remit_id: str
    claim_id: str | None = Field(description="Our claim, matched from CLP01; None when nothing matched.")
    patient_control_number: str
    payer_id: str
    payer_name: str | None = None
    status_code: str = Field(description="CLP02: 1 primary, 2 secondary, 3 tertiary, 4 denied, 22 reversal, ...")
    charge: Money
    paid: Money
    patient_responsibility: Money
    payer_claim_control_number: str | None = None
    claim_adjustments: list[Adjustment] = Field(default_factory=list)
    remark_codes: list[str] = Field(default_factory=list, description="MOA/MIA RARCs")
    service_lines: list[RemitServiceLine] = Field(default_factory=list)
    payment_method: str | None = None
    trace_number: str
    payment_date: date | None = None
    claim_payment_sequence: int | None = Field(
        default=None, ge=1, description="Position of this CLP loop within its 835, from 1: two claim payments of "
                                        "one claim in one file (a reversal and its correction, a split claim) "
                                        "are posted once each. Absent on events from before it was added.")
