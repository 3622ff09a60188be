"""Nerve conduction codes by the number of studies the note documents; needle EMG add-ons only with one."""
import pytest

from services.coding.domain.coder import code_encounter
from services.coding.domain.neurology import documented_studies
from tests.unit.coding.conftest import errors, line, make_encounter, warnings

pytestmark = pytest.mark.unit


def _neuro(reference, *codes, note="Nerve conduction: 6 nerve conduction studies performed; needle EMG of the left leg."):
    return code_encounter(make_encounter(diagnoses=["G56.01"], procedures=[line(c) for c in codes], note=note),
                          reference)


@pytest.mark.parametrize("code, studies, ok", [
    ("95907", 2, True), ("95907", 3, False), ("95908", 3, True), ("95909", 6, True), ("95909", 7, False),
    ("95910", 8, True), ("95913", 13, True), ("95913", 20, True), ("95912", 13, False)])
def test_the_conduction_code_follows_the_documented_number_of_studies(reference, code, studies, ok):
    outcome = _neuro(reference, code, note=f"Electrodiagnostic study: {studies} nerve conduction studies.")
    assert ("NCS-COUNT-MISMATCH" not in errors(outcome)) is ok


def test_the_mismatch_names_the_code_that_covers_the_count(reference):
    outcome = _neuro(reference, "95910", note="5 nerves studied (motor and sensory).")
    message = next(e.message for e in outcome.edits if e.edit_id == "NCS-COUNT-MISMATCH")
    assert message == "95910 needs 7-8 studies; the note documents 5 (95909 covers that count)"


def test_needle_emg_add_on_needs_a_conduction_code(reference):
    assert "EMG-ADDON-WITHOUT-NCS" in errors(_neuro(reference, "95886"))
    assert "EMG-ADDON-WITHOUT-NCS" not in errors(_neuro(reference, "95909", "95886"))


def test_one_conduction_code_for_the_total(reference):
    assert "NCS-MORE-THAN-ONE" in errors(_neuro(reference, "95907", "95908"))


def test_an_undocumented_count_holds_and_a_missing_note_warns(reference):
    assert "NCS-COUNT-NOT-DOCUMENTED" in errors(_neuro(reference, "95909", note="Nerve conduction studies done."))
    assert "NCS-COUNT-NOT-SENT" in warnings(_neuro(reference, "95909", note=None))


@pytest.mark.parametrize("note, studies", [
    ("8 nerve conduction studies", 8), ("NCS: 4 motor and sensory nerve studies", 4), ("6 NCS completed", 6),
    ("3 nerves were tested", 3), ("4 studies then 6 nerve conduction studies", 6),
    ("2 nerve conduction studies; later 4 nerve conduction studies", None), ("no numbers here", None)])
def test_reading_the_number_of_studies(note, studies):
    assert documented_studies(note) == studies
