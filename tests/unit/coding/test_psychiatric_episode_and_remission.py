"""A major depressive disorder written "MDD" whose course the sentence states, a use disorder written "mod" before
its remission, and passive suicidal ideation written "SI": the code the tabular gives the stated words."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Follow-up. Assessment: MDD, moderate - sertraline 100 mg, therapy weekly.", "F32.1"),
    ("Psych: MDD, severe without psychotic features; daily check-ins by phone.", "F32.2"),
    ("Impression: MDD in partial remission on bupropion, sleep better.", "F32.4"),
    ("Assessment: MDD in full remission, tapering fluoxetine per pt preference.", "F32.5"),
    ("Plan: 2. MDD rec, moderate - add aripiprazole 2 mg.", "F33.1"),
    ("Problems: HLD; MDD, rec, in partial remission - continue venlafaxine.", "F33.41"),
])
def test_mdd_with_its_course_stated_is_the_tabulars_major_depression_code(suggest, note, code):
    found = billed(suggest, note)
    assert code in found and "F32.A" not in found


@pytest.mark.parametrize("note, code", [
    ("Addiction med: AUD mod, in early remission since March, naltrexone.", "F10.21"),
    ("Problems: OUD mod, in sustained remission; no use x 2 yr.", "F11.21"),
])
def test_a_use_disorder_written_mod_in_remission_is_dependence_in_remission(suggest, note, code):
    found = {s.code for s in suggest(note)}
    assert code in found and not found & {"F10.90", "F11.90"}


def test_passive_si_is_suicidal_ideation(suggest):
    assert "R45.851" in {s.code for s in suggest("Psych eval: endorses passive SI, no plan or intent; safety plan.")}


@pytest.mark.parametrize("note, absent", [
    # a recommendation after the name is no recurrence
    ("Impression: MDD - rec CBT and exercise, continue escitalopram.", {"F33.9", "F33.0", "F33.1"}),
    # a relative's recurrent major depression is the relative's
    ("Family history: sister with MDD, recurrent, severe. Pt well, no mood sx.", {"F33.2", "F32.A"}),
    # denied ideation is not coded
    ("ROS: denies passive SI or HI. Plan: annual labs.", {"R45.851"}),
    # a doubted major depression is not coded as its course
    ("Impression: r/o MDD, mild - PHQ-9 at next visit.", {"F32.0", "F32.A"}),
])
def test_readings_leave_what_is_not_the_patients_current_disorder(suggest, note, absent):
    assert not billed(suggest, note) & absent


def test_mdd_with_no_course_stated_is_left_as_the_index_reads_it(suggest):
    found = {s.code: s.confidence for s in suggest("Assessment: MDD - continue sertraline, RTC 3 mo.")}
    assert "F32.A" in found and found["F32.A"] < 0.90
