"""A condition followed by its treatment and how that ended is over, however long the treatment's words; a
generic head word ("syndrome") says nothing of another condition that shares it."""
import pytest

from services.coding.domain.note_text import current
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def _current(note: str, condition: str) -> bool:
    start = note.index(condition)
    return current(note, start, start + len(condition))


@pytest.mark.parametrize("note, condition", [
    ("Otitis media treated with amoxicillin for ten days in March, now resolved.", "Otitis media"),
    ("Reactive arthritis 2024 treated with naproxen and rest, fully recovered.", "Reactive arthritis"),
    ("Viral pericarditis treated with ibuprofen plus colchicine over the spring, resolved.", "Viral pericarditis"),
    ("Sinusitis treated by her urgent care with a 7-day course of doxycycline, cleared.", "Sinusitis"),
])
def test_a_condition_treated_and_then_over_is_not_current(note, condition):
    assert not _current(note, condition)


@pytest.mark.parametrize("note, condition", [
    # the outcome of a symptom, not of the condition
    ("Pericarditis treated with colchicine for two weeks so far, chest pain resolved.", "Pericarditis"),
    # back, or still under the treatment
    ("Cellulitis treated with cephalexin last month, resolved, and has recurred on the same shin.", "Cellulitis"),
    ("Sinusitis treated with amoxicillin since Friday, improving, still congested.", "Sinusitis"),
    # not treated at all
    ("Lyme disease not treated with antibiotics at the time, now with knee swelling.", "Lyme disease"),
])
def test_a_condition_still_present_after_its_treatment_is_current(note, condition):
    assert _current(note, condition)


def test_a_treated_condition_now_recovered_is_not_billed(suggest):
    note = "Neuro visit. 52F, Guillain-Barre syndrome in 2021 treated with plasma exchange, now fully recovered."
    assert "G61.0" not in billed(suggest, note)


def test_a_generic_head_over_elsewhere_does_not_hold_another_condition(suggest):
    note = ("Neuro visit. 52F, Guillain-Barre syndrome in 2021 treated with plasma exchange, now fully recovered. "
            "Tingling of the right hand at night; nerve conduction confirms right carpal tunnel syndrome.")
    assert "G56.01" in billed(suggest, note)


@pytest.mark.parametrize("note, condition", [
    ("Folate deficiency, treated, folate normal on recheck and now off folic acid.", "Folate deficiency"),
    ("Iron deficiency anemia treated with oral iron for 3 months, off iron since June.", "Iron deficiency anemia"),
])
def test_a_condition_treated_and_off_its_drug_is_not_current(note, condition):
    assert not _current(note, condition)


@pytest.mark.parametrize("note, condition", [
    ("Hypertension, treated, now off lisinopril, diet controlled.", "Hypertension"),
    ("Vitamin D deficiency, treated, off cholecalciferol for a month, now back on it.", "Vitamin D deficiency"),
    ("Insomnia treated with zolpidem off and on for years.", "Insomnia"),
])
def test_a_condition_off_one_drug_but_held_otherwise_is_current(note, condition):
    assert _current(note, condition)
