"""Psychotherapy edits: time-based codes against the minutes the note documents, add-on psychotherapy only with
an E/M visit, and interactive complexity only with a psychotherapy or psychiatric evaluation code.

The code ranges (90832 16-37 minutes, 90834 38-52, 90837 53 or more; the add-ons alike; family psychotherapy
26 or more) are data: `data/psychotherapy_codes.csv`.
"""
import csv
import io
import re
from dataclasses import dataclass

from shared.contracts.common import EditResult, ProcedureLine
from services.coding.domain.codes import is_em_visit
from services.coding.domain.results import error, warning

MINUTES = re.compile(r"\b(\d{1,3})\s*-?\s*(?:minutes?|mins?)\b", re.IGNORECASE)
PSYCHOTHERAPY_WORDS = re.compile(r"psychotherapy", re.IGNORECASE)
SESSION_WORDS = re.compile(r"therapy|session|counsel", re.IGNORECASE)
# What 90785 (interactive complexity) may accompany.
WITH_INTERACTIVE_COMPLEXITY = frozenset({"psychotherapy", "psychotherapy_with_em", "psychiatric_evaluation",
                                         "group_psychotherapy"})


@dataclass(frozen=True)
class PsychotherapyCode:
    code: str
    role: str
    min_minutes: int | None
    max_minutes: int | None

    def covers(self, minutes: int) -> bool:
        return (self.min_minutes is None or minutes >= self.min_minutes) and (
            self.max_minutes is None or minutes <= self.max_minutes)

    def range_text(self) -> str:
        return f"{self.min_minutes}-{self.max_minutes}" if self.max_minutes else f"{self.min_minutes} or more"


def parse_psychotherapy_codes(text: str) -> dict[str, PsychotherapyCode]:
    def minutes(value: str) -> int | None:
        return int(value) if value.strip() else None

    return {row["code"].strip(): PsychotherapyCode(row["code"].strip(), row["role"].strip(),
                                                   minutes(row["min_minutes"]), minutes(row["max_minutes"]))
            for row in csv.DictReader(io.StringIO(text))}


def documented_minutes(note: str | None) -> int | None:
    """The psychotherapy time the note states: from sentences naming psychotherapy, else a therapy session,
    else the note's only time. Several different times where one is expected documents none clearly."""
    if not note:
        return None
    sentences = re.split(r"(?<=[.;\n])", note)
    for words in (PSYCHOTHERAPY_WORDS, SESSION_WORDS, None):
        found = {int(m.group(1)) for s in sentences if words is None or words.search(s) for m in MINUTES.finditer(s)}
        if found:
            return found.pop() if len(found) == 1 else None
    return None


def psychotherapy_edits(lines: list[ProcedureLine], codes: dict[str, PsychotherapyCode], *, note: str | None,
                        em_billed_same_day: tuple[str, ...] = ()) -> list[EditResult]:
    billed = [codes[line.code] for line in lines if line.code in codes]
    if not billed:
        return []
    edits = _time_edits([c for c in billed if c.min_minutes is not None], codes, note)
    has_em = any(is_em_visit(line.code) for line in lines) or bool(em_billed_same_day)
    for code in billed:
        if code.role == "psychotherapy_with_em" and not has_em:
            edits.append(error("PSYCH-ADDON-WITHOUT-EM", f"{code.code} is add-on psychotherapy: it is billed only "
                                                         "with an E/M visit the same day", code.code))
    if any(c.role == "interactive_complexity" for c in billed) and not any(
            c.role in WITH_INTERACTIVE_COMPLEXITY for c in billed):
        edits.append(error("PSYCH-INTERACTIVE-COMPLEXITY-ALONE", "90785 (interactive complexity) is billed only "
                                                                 "with a psychotherapy or psychiatric evaluation code",
                           "90785"))
    return edits


def _time_edits(timed: list[PsychotherapyCode], codes: dict[str, PsychotherapyCode], note: str | None):
    if not timed:
        return []
    if not note:
        return [warning("PSYCH-TIME-NOT-SENT", f"{', '.join(c.code for c in timed)} is time-based and no note was "
                                               "sent: the documented minutes could not be checked",
                        *[c.code for c in timed])]
    minutes = documented_minutes(note)
    if minutes is None:
        return [error("PSYCH-TIME-NOT-DOCUMENTED", f"{c.code} needs {c.range_text()} minutes of psychotherapy; the "
                                                   "note documents no single psychotherapy time", c.code)
                for c in timed]
    return [error("PSYCH-TIME-MISMATCH", f"{c.code} needs {c.range_text()} minutes; the note documents {minutes}"
                                         f"{_instead(c, minutes, codes)}", c.code) for c in timed if not c.covers(minutes)]


def _instead(billed: PsychotherapyCode, minutes: int, codes: dict[str, PsychotherapyCode]) -> str:
    fits = [c.code for c in codes.values() if c.role == billed.role and c.min_minutes is not None and c.covers(minutes)]
    return f" ({fits[0]} covers that time)" if fits else f" (no {billed.role.replace('_', ' ')} code covers it)"
