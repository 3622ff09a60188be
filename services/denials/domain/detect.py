"""Find every denial in a claim payment: claim-level (CLP02=4), line-level and partial.

Contractual adjustments and ordinary patient responsibility are not denials; PR-204 and PR-96
(non-covered, billed to the patient) are, because someone must decide to rebill the patient.
"""
from dataclasses import dataclass
from decimal import Decimal

from shared.contracts.remit import RemitReceived
from shared.money import ZERO
from services.denials.domain.codes import codebook

PATIENT_DENIAL_CARCS = {"204", "96", "49", "119"}
MISSING_INFO_RARCS = {"MA130", "N290", "M79"}


@dataclass(frozen=True)
class DetectedDenial:
    level: str
    line_number: int | None
    procedure_code: str | None
    carc_codes: tuple[str, ...]
    rarc_codes: tuple[str, ...]
    amount: Decimal
    category: str
    preventable: bool
    recommended_action: str
    explanation: tuple[str, ...]


def _denying(adjustments) -> list:
    book = codebook()
    return [a for a in adjustments
            if (a.group_code in ("CO", "PI", "OA") and book.carc(a.reason_code).category != "contractual")
            or (a.group_code == "PR" and a.reason_code in PATIENT_DENIAL_CARCS)]


def _describe(level: str, line_number, code, adjustments, rarcs: list[str]) -> DetectedDenial:
    book = codebook()
    primary = book.carc(adjustments[0].reason_code) if adjustments else book.carc("")
    category = primary.category
    if any(r in MISSING_INFO_RARCS for r in rarcs) and category in ("missing_information", "unknown", "coding"):
        category = "missing_information"
    explanation = tuple([f"{a.group_code}-{a.reason_code}: {book.carc(a.reason_code).description}" for a in adjustments]
                        + [f"{r}: {book.rarc_text(r)}" for r in rarcs])
    return DetectedDenial(level, line_number, code, tuple(dict.fromkeys(a.reason_code for a in adjustments)),
                          tuple(rarcs), sum((a.amount for a in adjustments), ZERO), category, primary.preventable,
                          primary.recommended_action, explanation)


def detect_denials(remit: RemitReceived) -> list[DetectedDenial]:
    if remit.status_code == "22":
        return []
    claim_rarcs = list(remit.remark_codes)
    if remit.status_code == "4":
        adjustments = _denying(list(remit.claim_adjustments) + [a for l in remit.service_lines for a in l.adjustments])
        rarcs = claim_rarcs + [r for l in remit.service_lines for r in l.remark_codes]
        return [_describe("claim", None, None, adjustments, rarcs)]
    found = []
    for number, line in enumerate(remit.service_lines, start=1):
        adjustments = _denying(line.adjustments)
        if adjustments:
            found.append(_describe("line", _line_number(line, number), line.procedure_code, adjustments,
                                   claim_rarcs + list(line.remark_codes)))
    return found


def _line_number(line, position: int) -> int:
    reference = line.line_control_number or ""
    tail = reference.rsplit("-", 1)[-1]
    return int(tail) if tail.isdigit() else position
