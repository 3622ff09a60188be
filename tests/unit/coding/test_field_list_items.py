"""A sign in its own item of a diagnosis field's list is a problem listed beside the next item's diagnosis, not a
symptom stated with it; a sign in the diagnosis's own item, or outside a labelled field, still is. Sentences of
our own wording."""
import pytest

from services.coding.domain.field_list_items import separate_items
from services.coding.domain.own_entry import heads_a_marked_entry
from services.coding.domain.suggestions import without_integral_symptoms
from tests.unit.coding.test_conventions import codes, found

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, sign, sign_code, diagnosis, diagnosis_code", [
    ("Labs drawn. Dx: tiredness; essential hypertension.", "tiredness", "R53.83", "essential hypertension", "I10"),
    ("Requisition - Diagnoses: gout; heart racing.", "heart racing", "R00.2", "gout", "M10.9"),
    ("Holter ordered. Diagnosis: syncopal spell; COPD.", "syncopal spell", "R55", "COPD", "J44.9"),
])
def test_a_sign_in_its_own_item_is_kept_beside_the_diagnosis(note, sign, sign_code, diagnosis, diagnosis_code):
    given = found(note, (sign_code, sign), (diagnosis_code, diagnosis))
    assert codes(without_integral_symptoms(given, [0, 0], note)) == sorted([sign_code, diagnosis_code])


@pytest.mark.parametrize("note, sign, sign_code, diagnosis, diagnosis_code", [
    ("Dx: tiredness from anemia; gout.", "tiredness", "R53.83", "anemia", "D64.9"),  # one item
    ("Tiredness; essential hypertension noted.", "Tiredness", "R53.83", "essential hypertension", "I10"),  # no label
    ("Dx: forgetful, MCI vs early dementia; gout.", "forgetful", "R41.3", "gout", "M10.9"),  # not heading its item
])
def test_a_sign_in_the_diagnosis_item_or_outside_a_field_is_dropped(note, sign, sign_code, diagnosis,
                                                                    diagnosis_code):
    given = found(note, (sign_code, sign), (diagnosis_code, diagnosis))
    assert codes(without_integral_symptoms(given, [0, 0], note)) == [diagnosis_code]


def test_separate_items_needs_a_semicolon_between_and_a_label_before():
    note = "Dx: heart racing; gout, stable. Plan: heart racing, gout."
    assert separate_items(note, note.index("heart"), note.index("gout"))
    later = note.index("Plan")
    assert not separate_items(note, note.index("heart", later), note.index("gout", later))


@pytest.mark.parametrize("note, sign, marked", [
    ("Order: event monitor. Dx: heart racing; fainting; COPD.", "fainting", True),
    ("Dx: heart racing. Fainting; she is well now.", "Fainting", False),
])
def test_an_item_after_a_semicolon_in_a_labelled_field_is_a_marked_entry(note, sign, marked):
    start = note.index(sign)
    assert heads_a_marked_entry(note, start, start + len(sign)) is marked
