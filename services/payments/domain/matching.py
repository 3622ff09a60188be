"""Match remittance service lines to billed lines, tolerant of payers that drop or reorder modifiers.

Order of preference: our REF*6R line control number; then code, date and the same modifier set;
then code and date alone (modifiers dropped). A billed line nothing matched was bundled (paid 0).
"""
from dataclasses import dataclass


@dataclass(frozen=True)
class LineMatch:
    remit_index: int
    line_number: int | None


def _line_number_from_reference(reference: str | None) -> int | None:
    if reference and "-" in reference:
        tail = reference.rsplit("-", 1)[1]
        return int(tail) if tail.isdigit() else None
    return None


def match_lines(remit_lines: list, billed_lines: list) -> tuple[list[LineMatch], list[int]]:
    """Returns one match per remit line (line_number None when unmatched) and the billed lines left over."""
    open_lines = {line.line_number: line for line in billed_lines}
    matches = []
    for index, remit_line in enumerate(remit_lines):
        number = _line_number_from_reference(remit_line.line_control_number)
        if number not in open_lines:
            number = _by_code(remit_line, open_lines)
        if number is not None:
            open_lines.pop(number)
        matches.append(LineMatch(index, number))
    return matches, sorted(open_lines)


def _by_code(remit_line, open_lines: dict) -> int | None:
    same_code = [l for l in open_lines.values() if l.procedure_code == remit_line.procedure_code
                 and (remit_line.date_of_service is None or str(l.date_of_service) == str(remit_line.date_of_service))]
    for line in same_code:
        if set(line.modifiers) == set(remit_line.modifiers):
            return line.line_number
    return same_code[0].line_number if same_code else None
