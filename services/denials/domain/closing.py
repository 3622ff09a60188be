"""A later remittance that pays what was denied closes the denial by itself (reprocessing, a won
appeal, a corrected claim): nobody should keep working money that has arrived."""
from decimal import Decimal
from typing import Protocol

from shared.contracts.remit import RemitReceived, RemitServiceLine
from shared.money import ZERO
from services.denials.domain.codes import CodeBook, codebook
from services.denials.domain.detect import CLAIM_DENIED, REVERSAL, echoed_line_number, is_denial_adjustment


class OpenDenial(Protocol):
    """What closing needs of a stored denial (the table row or a DetectedDenial-like object)."""

    remit_id: str
    level: str
    procedure_code: str | None
    line_number: int | None


def resolves_denial(remit: RemitReceived, denial: OpenDenial, book: CodeBook | None = None) -> bool:
    """True when this later remittance pays the denied claim, or pays the denied line without denying it again."""
    book = book or codebook()
    if remit.remit_id == denial.remit_id or remit.status_code in (CLAIM_DENIED, REVERSAL):
        return False
    if denial.level == "claim":
        # Paid, or allowed with no denial reason and left to the patient (a claim wholly to the deductible).
        return remit.paid > ZERO or (_patient_share(_all_adjustments(remit)) > ZERO and not _denies_anything(remit, book))
    return any(_pays(line, denial, book) for line in remit.service_lines)


def _denies_anything(remit: RemitReceived, book: CodeBook) -> bool:
    return any(is_denial_adjustment(adjustment, book) for adjustment in _all_adjustments(remit))


def _all_adjustments(remit: RemitReceived) -> list:
    return [*remit.claim_adjustments, *(a for line in remit.service_lines for a in line.adjustments)]


def _patient_share(adjustments) -> Decimal:
    return sum((a.amount for a in adjustments if a.group_code == "PR"), ZERO)


def _pays(line: RemitServiceLine, denial: OpenDenial, book: CodeBook) -> bool:
    """The denied line adjudicated again without a denial reason (paid, or allowed and left to the patient)."""
    if line.procedure_code != denial.procedure_code or (line.paid <= ZERO and _patient_share(line.adjustments) <= ZERO):
        return False
    echoed = echoed_line_number(line)
    if None not in (echoed, denial.line_number) and echoed != denial.line_number:
        return False  # the same code on another line of the claim was paid, not this one
    return not any(is_denial_adjustment(adjustment, book) for adjustment in line.adjustments)

