"""The readings run on the note with its shorthand written out ("s/p" as "status post", "w/" as "with"): a pattern
that names the shorthand names it also as the reading sees it."""
import pytest

from services.coding.domain.known_conditions import presented_as_known
from services.coding.domain.neoplasm_sites import NEOPLASM_SITE_FINDINGS, _TREATED_BEFORE
from services.coding.domain.suggestions import Suggestion
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Follow-up visit s/p a course of abx for cellulitis of the left shin; skin now clear.", "Z09"),
    ("Neurosurgery f/u: meningioma s/p resection 2020; surveillance MRI unchanged.", "Z86.018"),
    ("Derm: lipoma of the upper back s/p excision 2021, scar well healed.", "Z86.018"),
])
def test_a_reading_written_with_s_p_reads_the_note_as_written(suggest, note, code):
    assert code in billed(suggest, note)


def test_a_routine_exams_condition_status_post_a_procedure_is_known():
    note = "Annual exam. Atrial flutter status post ablation, no palpitations."
    start = note.index("Atrial flutter")
    finding = Suggestion(code="I48.92", description="Unspecified atrial flutter", confidence=0.94, start=start,
                         end=start + len("Atrial flutter"), evidence="Atrial flutter", context="affirmed")
    assert presented_as_known(note, finding)


def test_a_neoplasm_treated_in_a_past_year_status_post_is_read_as_treated():
    assert _TREATED_BEFORE.search(" status post cryotherapy 2019, no regrowth")


def test_all_followed_by_status_post_is_the_leukemia():
    sentence = "Oncology: ALL status post induction, on maintenance."
    assert any(pattern.search(sentence) and "C91" in codes for pattern, codes, _ in NEOPLASM_SITE_FINDINGS)
