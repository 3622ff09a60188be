"""Find every denial in one claim payment (CLP loop): claim-level, line-level and partial.

What is not a denial: contractual adjustments (category "contractual": CO-45, CO-59, CO-94, CO-253, ...),
patient responsibility (PR-1/2/3 and the other patient_responsibility CARCs), CR corrections, and
reversals (CLP02 = 22). PR with a non-covered CARC (PR-204, PR-96, PR-49, ...) is a denial: the
payer refused the service and someone must decide to bill the patient for it.
"""
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from shared.contracts.common import Adjustment
from shared.contracts.remit import RemitReceived, RemitServiceLine
from shared.money import ZERO, to_money
from services.denials.domain.codes import Carc, CodeBook, codebook

CLAIM_DENIED = "4"
REVERSAL = "22"
PAYER_DENYING_GROUPS = frozenset({"CO", "PI", "OA"})
NOT_DENIALS = frozenset({"contractual", "patient_responsibility"})
UNPROCESSABLE = "MA130"
"""MA130: unprocessable claim, no appeal rights: whatever the CARC, the fix is a corrected claim."""
GENERIC_CATEGORIES = frozenset({"unknown", "missing_information"})
"""A CARC this vague (CO-16 'lacks information') takes its category from the first telling RARC."""


@dataclass(frozen=True)
class DetectedDenial:
    level: str  # "claim" | "line"
    line_index: int | None  # position in remit.service_lines
    line_number: int | None  # our claim line number, from REF*6R when echoed
    procedure_code: str | None
    partial: bool  # the payer paid part of it
    reasons: tuple[str, ...]  # "CO-197", one per distinct group/CARC pair
    carc_codes: tuple[str, ...]
    carc_texts: tuple[str, ...]
    rarc_codes: tuple[str, ...]
    rarc_texts: tuple[str, ...]
    amount: Decimal  # denied amount: the sum of the denying adjustments
    category: str
    preventable: bool
    recommended_action: str

    @property
    def explanation(self) -> tuple[str, ...]:
        """One readable line per reason and remark, for the work queue and the appeal letter."""
        carc_lines = [f"{reason}: {text}" for reason, text in zip(self.reasons, self._texts_by_reason())]
        return tuple(carc_lines + [f"{code}: {text}" for code, text in zip(self.rarc_codes, self.rarc_texts)])

    def _texts_by_reason(self) -> list[str]:
        texts = dict(zip(self.carc_codes, self.carc_texts))
        return [texts[reason.split("-", 1)[1]] for reason in self.reasons]


def detect_denials(remit: RemitReceived, book: CodeBook | None = None) -> list[DetectedDenial]:
    """Every denial in the remittance; an empty list for a clean payment or a reversal."""
    book = book or codebook()
    if remit.status_code == REVERSAL:
        return []
    if remit.status_code == CLAIM_DENIED:
        return [_claim_denial(remit, book)]
    found = [_line_denial(remit, index, line, book) for index, line in enumerate(remit.service_lines)]
    claim_level = _denying(remit.claim_adjustments, book)
    if claim_level and _total(claim_level) > ZERO:
        found.insert(0, _describe(book, claim_level, remit.remark_codes, level="claim", partial=remit.paid > ZERO))
    return [denial for denial in found if denial is not None]


def is_denial_adjustment(adjustment: Adjustment, book: CodeBook) -> bool:
    """CO/PI/OA that is neither contractual nor patient share, or PR for a non-covered service."""
    category = book.carc(adjustment.reason_code).category
    if adjustment.group_code in PAYER_DENYING_GROUPS:
        return category not in NOT_DENIALS
    return adjustment.group_code == "PR" and category == "non_covered"


def _claim_denial(remit: RemitReceived, book: CodeBook) -> DetectedDenial:
    """CLP02 = 4: one claim-level denial holding the reasons of the claim and of every line."""
    adjustments = [*remit.claim_adjustments, *(a for line in remit.service_lines for a in line.adjustments)]
    rarcs = [*remit.remark_codes, *(r for line in remit.service_lines for r in line.remark_codes)]
    denying = _denying(adjustments, book)
    fallback = to_money(remit.charge - remit.paid)  # denied with no denial CARC: the unpaid charge is at stake
    return _describe(book, denying, rarcs, level="claim", partial=False,
                     amount=_total(denying) if _total(denying) > ZERO else fallback)


def _line_denial(remit: RemitReceived, index: int, line: RemitServiceLine, book: CodeBook) -> DetectedDenial | None:
    denying = _denying(line.adjustments, book)
    if not denying or _total(denying) <= ZERO:
        return None
    return _describe(book, denying, [*remit.remark_codes, *line.remark_codes], level="line", partial=line.paid > ZERO,
                     line_index=index, line_number=_line_number(line, index), procedure_code=line.procedure_code)


def _describe(book: CodeBook, denying: list[Adjustment], rarc_codes: Iterable[str], *, level: str, partial: bool,
              amount: Decimal | None = None, line_index: int | None = None, line_number: int | None = None,
              procedure_code: str | None = None) -> DetectedDenial:
    primary = max(denying, key=lambda a: a.amount) if denying else None  # the largest reason drives the category
    carc = book.carc(primary.reason_code) if primary else _NO_REASON
    rarcs = _unique(code.strip().upper() for code in rarc_codes)
    carcs = _unique(book.carc(a.reason_code).code for a in denying)
    return DetectedDenial(
        level=level, line_index=line_index, line_number=line_number, procedure_code=procedure_code, partial=partial,
        reasons=_unique(f"{a.group_code}-{book.carc(a.reason_code).code}" for a in denying),
        carc_codes=carcs, carc_texts=tuple(book.carc(code).description for code in carcs),
        rarc_codes=rarcs, rarc_texts=tuple(book.rarc(code).description for code in rarcs),
        amount=amount if amount is not None else _total(denying),
        category=_category(carc, rarcs, book), preventable=carc.preventable,
        recommended_action=_action(carc, primary.group_code if primary else "CO", rarcs))


_NO_REASON = Carc("", "Claim denied without a denial reason code", "unknown", False, "appeal")


def _category(carc: Carc, rarcs: tuple[str, ...], book: CodeBook) -> str:
    if UNPROCESSABLE in rarcs:
        return "missing_information"
    if carc.category in GENERIC_CATEGORIES:
        told = [book.rarc(code).category for code in rarcs if book.rarc(code).category]
        return told[0] if told else carc.category
    return carc.category


def _action(carc: Carc, group_code: str, rarcs: tuple[str, ...]) -> str:
    if UNPROCESSABLE in rarcs:
        return "correct_and_resubmit"
    if group_code == "CO" and carc.recommended_action == "rebill_patient":
        return "write_off"  # CO means the provider is liable: the patient may not be billed for it
    if group_code == "PR" and carc.category == "non_covered":
        return "rebill_patient"
    return carc.recommended_action


def _denying(adjustments: Iterable[Adjustment], book: CodeBook) -> list[Adjustment]:
    return [a for a in adjustments if is_denial_adjustment(a, book)]


def _total(adjustments: Iterable[Adjustment]) -> Decimal:
    return to_money(sum((a.amount for a in adjustments), ZERO))


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value for value in values if value))


def echoed_line_number(line: RemitServiceLine) -> int | None:
    """Our REF*6R is '<claim id>-<line number>'; None when the payer did not echo it."""
    tail = (line.line_control_number or "").rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else None


def _line_number(line: RemitServiceLine, index: int) -> int:
    number = echoed_line_number(line)
    return number if number is not None else index + 1
