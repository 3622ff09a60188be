"""Readings of note forms met on notes written after the rules (round u: follow-ups after completed treatment,
telehealth and referral letters, requisitions, problem lists with status columns): each a class, not a note."""
import pytest

from services.coding.domain.first_sight import SYMPTOM_NAME
from services.coding.domain.note_text import current, uncertain
from tests.unit.coding.test_note_readings import coded
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def test_a_symptom_at_a_follow_up_after_completed_treatment_goes_to_a_coder(suggest):
    note = ("Hospital follow-up. Discharged 10 days ago after tx for community-acquired pneumonia; completed the "
            "course of doxycycline. Cough resolving, afebrile. Pneumonia resolved.")
    found = {s.code: s for s in suggest(note)}
    assert found["Z09"].confidence >= 0.9 and found["Z87.01"].confidence >= 0.9
    assert found["R05.9"].confidence < 0.9 and found["R05.9"].convention == SYMPTOM_NAME
    assert "Z09" in found["R05.9"].reason
    # a symptom alone keeps its confidence (its course read from its length)
    assert "R05.1" in coded(suggest, "Cough x 3 days, no fever.")


@pytest.mark.parametrize("note, condition", [
    ("Dx: acute bronchitis. Pt concerned re pneumonia; no findings to suggest it.", "pneumonia"),
    ("Pt worried about thyroid cancer; US without nodules.", "thyroid cancer"),
    ("She is anxious about diabetes since her sister's diagnosis.", "diabetes"),
])
def test_the_patients_worry_names_no_diagnosis(note, condition):
    start = note.index(condition)
    assert uncertain(note, start, start + len(condition)) and not current(note, start, start + len(condition))


def test_a_worried_patients_pneumonia_is_not_coded_but_the_diagnosis_is(suggest):
    found = coded(suggest, "Dx: acute bronchitis. Pt concerned re pneumonia; no findings to suggest it.")
    assert "J20.9" in found and "J18.9" not in found


def test_a_colon_no_that_opens_a_clause_denies_what_follows_not_the_condition_before(suggest):
    found = coded(suggest, "Follow-up after TIA 3 wks ago: no residual deficits.")
    assert "Z86.73" in found and "G45.9" not in found
    assert "R50.9" not in coded(suggest, "Fever: no. Cough: yes.")  # the template's denial still holds
    assert "R50.9" not in coded(suggest, "Fever: no")


@pytest.mark.parametrize("note, mention, negated", [
    ("Screening labs, asymptomatic, no risk factors: HIV screen, hepatitis C antibody.", "HIV", False),
    ("Denies: fever, chills.", "chills", True),
    ("Negative for: cough, wheeze.", "wheeze", True),
    ("No fever or chills.", "chills", True),
])
def test_a_colon_after_the_denied_words_closes_the_denial_one_right_after_the_cue_does_not(note, mention, negated):
    from services.coding.domain.note_text import negated_before
    assert negated_before(note, note.index(mention)) is negated


def test_a_screening_after_a_denial_its_colon_closed_is_coded(suggest):
    found = coded(suggest, "Screening labs, asymptomatic 50F, no risk factors: HIV screen, hepatitis C antibody.")
    assert {"Z11.4", "Z11.59"} <= set(found)
