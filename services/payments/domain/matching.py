"""Match remittance service lines to the lines we billed.

Preference: our REF*6R line control number; then the billed code (SVC06 when the payer recoded,
bundled or unbundled, else SVC01) and date with the same modifier set, in any order; then with the
payer having dropped modifiers; then with the modifiers changed. An unused billed line is preferred;
a line already matched is reused only for split or unbundled lines (several remit lines, one billed
line). A billed line no remit line names was bundled into another and paid 0.
"""
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from services.payments.domain.remittance import ServicePayment


@dataclass(frozen=True)
class LineMatch:
    remit_index: int  # position in the remit's service lines
    line_number: int | None  # our billed line, None when nothing matched
    method: str  # control_number | exact | modifiers_dropped | modifiers_changed | unmatched
    bundled: bool = False  # the payer reported it under another code (SVC06) or reused a billed line


def line_number_from_control(reference: str | None, claim_id: str | None = None) -> int | None:
    """REF*6R as the claims service writes it: claim id without dashes, '-', line number."""
    return _line_number(reference, _control_prefix(claim_id))


def _control_prefix(claim_id: str | None) -> str | None:
    """What REF*6R starts with for this claim: worked out once a claim, not once a line."""
    return None if claim_id is None else claim_id.replace("-", "")[:45]


def _line_number(reference: str | None, prefix: str | None) -> int | None:
    if not reference or "-" not in reference:
        return None
    echoed, tail = reference.strip().rsplit("-", 1)
    if prefix is not None and echoed != prefix:
        return None  # the payer echoed another claim's reference: do not trust its line number
    return int(tail) if tail.isdigit() else None


def match_lines(remit_lines: Sequence, billed_lines: Sequence, *,
                claim_id: str | None = None) -> tuple[list[LineMatch], list[int]]:
    """One LineMatch per remit line, and the billed line numbers no remit line matched (bundled, paid 0)."""
    by_number = {line.line_number: line for line in billed_lines}
    prefix = _control_prefix(claim_id)
    used: set[int] = set()
    matches = []
    for index, remit_line in enumerate(remit_lines):
        match = _by_control_number(index, remit_line, by_number, prefix) or _by_service(index, remit_line,
                                                                                        billed_lines, used)
        if match.line_number is not None:
            used.add(match.line_number)
        matches.append(match)
    return matches, sorted(number for number in by_number if number not in used)


def _by_control_number(index: int, remit_line, by_number: dict, prefix: str | None) -> LineMatch | None:
    number = _line_number(getattr(remit_line, "line_control_number", None), prefix)
    if number not in by_number:
        return None
    return LineMatch(index, number, "control_number", bundled=_recoded(remit_line))


EXACT, DROPPED, CHANGED = "exact", "modifiers_dropped", "modifiers_changed"
FITS = {EXACT: lambda billed, paid: billed == paid, DROPPED: lambda billed, paid: paid < billed,
        CHANGED: lambda billed, paid: True}
SEARCH_ORDER = ((EXACT, False), (DROPPED, False), (EXACT, True), (DROPPED, True), (CHANGED, False), (CHANGED, True))
"""(tier, may reuse a matched line): a split line reuses its exact line before a changed-modifier guess."""


def _by_service(index: int, remit_line, billed_lines: Sequence, used: set[int]) -> LineMatch:
    code, modifiers, when = _identity(remit_line)
    same_service = [line for line in billed_lines if line.procedure_code.upper() == code
                    and (when is None or _iso(line.date_of_service) == when)]
    for tier, reuse in SEARCH_ORDER:
        for line in same_service:
            if (line.line_number in used) == reuse and FITS[tier](_modifier_set(line.modifiers), modifiers):
                return LineMatch(index, line.line_number, tier, bundled=_recoded(remit_line) or reuse)
    return LineMatch(index, None, "unmatched", bundled=_recoded(remit_line))


def _identity(remit_line) -> tuple[str, frozenset[str], str | None]:
    """The billed code, modifiers and date a remit line names; SVC06 wins when the payer recoded."""
    original = _original_code(remit_line)
    code = original or remit_line.procedure_code
    modifiers = getattr(remit_line, "original_modifiers", None) if original else remit_line.modifiers
    return code.strip().upper(), _modifier_set(modifiers or ()), _iso(remit_line.date_of_service)


def _recoded(remit_line) -> bool:
    original = _original_code(remit_line)
    return original is not None and original != remit_line.procedure_code


def _original_code(remit_line) -> str | None:
    """SVC06's code: the 835's own lines carry it, remit.received's lines have no such field (asking a pydantic
    model for a missing attribute raises and catches an AttributeError, the dearest step of a line's match)."""
    return remit_line.original_procedure_code if isinstance(remit_line, ServicePayment) else None


def _modifier_set(modifiers) -> frozenset[str]:
    return frozenset(m.strip().upper() for m in modifiers if m and m.strip())


def _iso(value: date | str | None) -> str | None:
    if value is None or value == "":
        return None
    return value.isoformat() if isinstance(value, date) else str(value)[:10]
