"""Builders for remit.received payloads shaped like real 835 claim payments."""
from decimal import Decimal

from shared.contracts.common import Adjustment
from shared.contracts.remit import RemitReceived, RemitServiceLine


def line(code: str = "99213", charge: str = "100", paid: str = "0", *adjustments: tuple[str, str, str],
         remarks: tuple[str, ...] = (), number: int | None = None) -> RemitServiceLine:
    """adjustments as (group, carc, amount), e.g. ("CO", "197", "100")."""
    return RemitServiceLine(
        procedure_code=code, charge=charge, paid=paid, remark_codes=list(remarks),
        line_control_number=f"8F2C0D7A9B1E4C55-{number}" if number else None,
        adjustments=[Adjustment(group_code=g, reason_code=c, amount=a) for g, c, a in adjustments])


def remit(*lines: RemitServiceLine, status: str = "1", claim_adjustments: tuple = (), remarks: tuple[str, ...] = (),
          remit_id: str = "r1") -> RemitReceived:
    return RemitReceived(
        remit_id=remit_id, claim_id="c1", patient_control_number="PCN1", payer_id="AETNA", payer_name="Aetna",
        status_code=status, charge=sum((l.charge for l in lines), Decimal(0)),
        paid=sum((l.paid for l in lines), Decimal(0)), patient_responsibility="0", trace_number="t1",
        claim_adjustments=[Adjustment(group_code=g, reason_code=c, amount=a) for g, c, a in claim_adjustments],
        remark_codes=list(remarks), service_lines=list(lines))
