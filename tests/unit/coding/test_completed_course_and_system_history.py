"""A course written as "after completing" or "after finishing" is over, as "completed" is: the follow-up after it is
Z09 with the treated condition's history code, and its drug is no long-term use; a course still being taken
("currently completing", "still finishing") leaves the condition current. A deficiency repleted or corrected, and a
condition outgrown, take their system's personal history code."""
import pytest

from tests.unit.coding.test_doubted_after import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, history", [
    ("Recheck after completing 10 days of cephalexin for cellulitis of the leg; redness gone.", "Z87.2"),
    ("Follow-up after finishing doxycycline for Lyme disease, arthralgia resolved.", "Z86.19"),
    ("Clinic f/u after completing nitrofurantoin for acute cystitis. Urine clear, voiding without pain.", "Z87.440"),
])
def test_a_follow_up_after_completing_a_course_is_z09_with_the_history_code(suggest, note, history):
    assert {"Z09", history} <= billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Sinus f/u: currently completing amoxicillin for acute maxillary sinusitis, still congested.",
    "Follow-up: still finishing doxycycline for Lyme disease.",
])
def test_a_course_still_being_taken_is_no_completed_treatment(suggest, note):
    assert "Z09" not in {s.code for s in suggest(note)}


def test_the_drug_of_a_course_completed_is_no_long_term_use(suggest):
    sure = billed(suggest, "Follow-up after completing 3 months of apixaban for a calf DVT; no leg swelling.")
    assert {"Z09", "Z86.718"} <= sure and "Z79.01" not in sure


@pytest.mark.parametrize("note, history, current", [
    ("PMH: hx of folate deficiency, repleted; eating well now.", "Z86.39", "E53.8"),
    ("Remote hx of iron deficiency anemia, corrected with ferrous sulfate.", "Z86.2", "D50.9"),
])
def test_a_deficiency_made_up_in_the_past_is_its_systems_personal_history(suggest, note, history, current):
    codes = {s.code for s in suggest(note)}
    assert history in billed(suggest, note) and current not in codes


def test_a_condition_corrected_by_repair_is_no_deficiency_made_up(suggest):
    assert "Z86.79" not in {s.code for s in suggest("Hx of VSD closure, congenital heart disease corrected.")}


@pytest.mark.parametrize("note, history", [
    ("Mild persistent asthma as a teenager, outgrown after puberty.", "Z87.09"),
    ("Benign rolandic epilepsy in childhood, outgrew it, no seizures since 11.", "Z86.69"),
])
def test_a_chronic_condition_outgrown_is_its_systems_personal_history(suggest, note, history):
    assert history in billed(suggest, note)


def test_one_outgrown_and_back_is_no_history(suggest):
    assert "Z87.09" not in {s.code for s in suggest("Childhood asthma, outgrown, but back since the move.")}
