"""NCCI edits over one encounter's procedure lines (one patient, one provider, one date of service).

PTP: for every ordered pair of lines that is a column 1 / column 2 edit active on the date of service,
indicator 0 always fails, 9 never does, 1 fails unless a PTP-associated modifier shows a distinct service:
25 or 57 on the E/M line of the pair, 59/XE/XS/XP/XU (or 24, 27, 58, 78, 79, 91) on a procedure that is not
an E/M, or different anatomic modifiers (LT and RT, fingers, toes, eyelids, coronary arteries) on the two lines.
MUE: indicator 1 limits each line's units; 2 and 3 limit the units of a code over the date of service.
"""
from datetime import date

from shared.contracts.common import EditResult, ProcedureLine
from services.coding.domain.codes import is_em
from services.coding.domain.ncci import MueTable, PtpEdit, PtpModifiers, PtpTable
from services.coding.domain.results import error, warning

_INDICATOR_0 = "modifier indicator 0: no modifier allows both"
_INDICATOR_1 = "modifier indicator 1: bill both only with a modifier that shows a distinct service (59, XE, XS, XP, " \
               "XU, an anatomic modifier, or 25 on the E/M)"


def ptp_edits(lines: list[ProcedureLine], on: date, table: PtpTable, modifiers: PtpModifiers) -> list[EditResult]:
    edits = []
    for first in lines:
        for second in lines:
            if first is second or first.code == second.code:
                continue
            edit = table.active(first.code, second.code, on)
            if edit is None or edit.modifier_indicator == "9":
                continue
            edits.append(_judge(edit, first, second, modifiers))
    return edits


def _judge(edit: PtpEdit, column1: ProcedureLine, column2: ProcedureLine, modifiers: PtpModifiers) -> EditResult:
    pair = f"{edit.column2} is bundled into {edit.column1} (NCCI PTP, {edit.rationale or 'no rationale given'})"
    if edit.modifier_indicator == "0":
        return error("NCCI-PTP", f"{pair}; {_INDICATOR_0}", edit.column1, edit.column2)
    bypass = _bypassing_modifier(column1, column2, modifiers)
    if bypass:
        return warning("NCCI-PTP-BYPASSED", f"{pair}; modifier {bypass} bypasses the edit: the documentation must "
                                            "support a distinct service", edit.column1, edit.column2)
    return error("NCCI-PTP", f"{pair}; {_INDICATOR_1}", edit.column1, edit.column2)


def _bypassing_modifier(column1: ProcedureLine, column2: ProcedureLine, modifiers: PtpModifiers) -> str | None:
    groups = modifiers.groups
    for line in (column2, column1):
        for modifier in line.modifiers:
            group = groups.get(modifier)
            if group == "evaluation_management" and is_em(line.code):
                return modifier
            if group in ("distinct", "global_surgery", "other") and not is_em(line.code):
                return modifier
    sides1 = {m for m in column1.modifiers if groups.get(m) == "anatomic"}
    sides2 = {m for m in column2.modifiers if groups.get(m) == "anatomic"}
    if sides1 and sides2 and sides1.isdisjoint(sides2):
        return "/".join(sorted(sides2))
    return None


def mue_edits(lines: list[ProcedureLine], table: MueTable) -> list[EditResult]:
    edits, per_day = [], {}
    for line in lines:
        limit = table.limits.get(line.code)
        if limit is None:
            continue
        if limit.adjudication_indicator == 1:
            if line.units > limit.units:
                edits.append(error("MUE-LINE", f"{line.code} billed {line.units} units on one line; the MUE is "
                                               f"{limit.units} per line", line.code))
        else:
            per_day[line.code] = per_day.get(line.code, 0) + line.units
    for code, units in per_day.items():
        limit = table.limits[code]
        if units > limit.units:
            kind = "policy" if limit.adjudication_indicator == 2 else "clinical"
            edits.append(error("MUE-DATE-OF-SERVICE", f"{code} billed {units} units on the date of service; the MUE "
                                                      f"is {limit.units} ({kind} limit per day)", code))
    return edits
