"""A note's sentence bounds read from its breaks found once agree with a scan of the note for every position."""
import csv

import pytest

from services.coding.domain.note_text import sentence_end, sentence_start
from services.coding.evaluate_suggestions import DEVELOPMENT_SET

pytestmark = pytest.mark.unit


def _decimal_point(note: str, i: int) -> bool:
    return note[i] == "." and 0 < i < len(note) - 1 and note[i - 1].isdigit() and note[i + 1].isdigit()


def _scanned_start(note: str, position: int, marks: str) -> int:
    found = [note.rfind(mark, 0, position) for mark in marks]
    for k, i in enumerate(found):
        while i > 0 and _decimal_point(note, i):
            i = note.rfind(marks[k], 0, i)
        found[k] = i
    return max(found) + 1


def _scanned_end(note: str, position: int, marks: str) -> int:
    ends = []
    for mark in marks:
        i = note.find(mark, position)
        while i >= 0 and _decimal_point(note, i):
            i = note.find(mark, i + 1)
        if i >= 0:
            ends.append(i)
    return min(ends, default=len(note))


EDGE_NOTES = [
    "", ".", ";", "\n", "A1c 9.6. BP 152/96; no diagnosis of hypertension.\nPlan: f/u 3 mo",
    "1.5", ".5 mg", "5. ", "..;;\n\n", "x²．1.2.3;4\n", "No dots at all", "Ends with a point 3.",
]


def _notes() -> list[str]:
    with open(DEVELOPMENT_SET, newline="") as source:
        return EDGE_NOTES + [row["note"] for row in csv.DictReader(source)][:300]


def test_bounds_match_a_scan_at_every_position_of_every_note():
    for note in _notes():
        for position in range(-3, len(note) + 3):
            for across, marks in ((False, ".;\n"), (True, ".\n")):
                read = (sentence_start(note, position, across_semicolons=across),
                        sentence_end(note, position, across_semicolons=across))
                scanned = (_scanned_start(note, position, marks), _scanned_end(note, position, marks))
                assert read == scanned, (note[:40], position, across)


def test_a_note_read_after_another_keeps_its_own_bounds():
    first, second = "Cough. No fever; chills.", "Rash;\nitch. 2.5 cm lesion."
    for _ in range(2):
        assert (sentence_start(first, 10), sentence_end(first, 10)) == (6, 15)
        assert (sentence_start(second, 14), sentence_end(second, 14)) == (11, 25)
