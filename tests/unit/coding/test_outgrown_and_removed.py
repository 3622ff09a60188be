"""A childhood condition the patient grew out of, and a condition treated by a procedure that removed, drained or
replaced the diseased part at a stated time, are over: not current conditions."""
import pytest

from services.coding.domain.note_text import current

pytestmark = pytest.mark.unit


def _current(note: str, condition: str) -> bool:
    start = note.index(condition)
    return current(note, start, start + len(condition))


@pytest.mark.parametrize("note, condition", [
    ("Febrile seizures as a toddler, grew out of them.", "Febrile seizures"),
    ("Juvenile myoclonic epilepsy? No: benign rolandic epilepsy, outgrown by 14.", "benign rolandic epilepsy"),
    ("Night terrors from 4 to 7, outgrew them; sleeps well now.", "Night terrors"),
])
def test_a_condition_outgrown_is_not_current(note, condition):
    assert not _current(note, condition)


@pytest.mark.parametrize("note, condition", [
    ("Cow's milk protein allergy, not outgrown yet.", "milk protein allergy"),
    ("Eczema, outgrew it at 6, now back on both elbows.", "Eczema"),
    ("Febrile seizures; most children grow out of them.", "Febrile seizures"),
])
def test_a_condition_not_yet_outgrown_or_back_is_current(note, condition):
    assert _current(note, condition)


@pytest.mark.parametrize("note, condition", [
    ("Symptomatic gallstones treated by laparoscopic cholecystectomy in 2023.", "gallstones"),
    ("Mitral stenosis treated with surgical mitral valve replacement 2019; mechanical valve well seated.",
     "Mitral stenosis"),
    ("Liver abscess treated by percutaneous drainage 2022.", "Liver abscess"),
    ("Chronic appendicitis treated by appendectomy 3 years ago.", "Chronic appendicitis"),
])
def test_a_condition_ended_by_a_procedure_at_a_stated_time_is_not_current(note, condition):
    assert not _current(note, condition)


@pytest.mark.parametrize("note, condition", [
    # when the treatment began, or still going
    ("Pleural effusion treated with drainage since 2024, still reaccumulating.", "Pleural effusion"),
    # planned, not done
    ("Aortic stenosis, severe; valve replacement planned for 2026.", "Aortic stenosis"),
])
def test_a_condition_still_present_or_only_planned_for_a_procedure_is_current(note, condition):
    assert _current(note, condition)
