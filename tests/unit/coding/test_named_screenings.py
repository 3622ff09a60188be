"""A cognitive screen (Z13.858) away from a routine exam, a maternal depression screen (Z13.32) by its scale or
name, the spelled-out sexually transmitted infections as a screening's subject (Z11.3); and two readings of the
counselling and drug-therapy words around such visits."""
import pytest

from services.coding.domain.encounter_z_codes import encounter_z_codes
from services.coding.domain.named_screenings import NAME, named_screenings
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Seen for a memory screen at her daughter's request; Mini-Cog 5/5.", "Z13.858"),
    ("Cognitive screening requested by the family, MoCA 27/30, no deficit.", "Z13.858"),
    ("EPDS at the 6-week visit: 4, reassuring.", "Z13.32"),
    ("Screening for perinatal depression with the Edinburgh scale, score 3.", "Z13.32"),
])
def test_a_named_screening_is_coded_by_its_subject(tabular, note, expected):
    out, reasons = named_screenings([], note, tabular)
    assert codes(out) == [expected] and out[0].convention == NAME and reasons


@pytest.mark.parametrize("note, given", [
    ("Cognitive screening positive, MoCA 19; refer to neurology.", ()),
    ("Memory screen declined today.", ()),
    ("Cognitive screen 2023 normal.", ()),
    ("Memory screen after a year of forgetfulness: early Alzheimer disease.", (("G30.9", "Alzheimer disease"),)),
    ("Postpartum depression screening today; postpartum depression, start sertraline.",
     (("F53.0", "postpartum depression,"),)),
])
def test_a_positive_refused_past_or_found_screening_is_not_coded_as_one(tabular, note, given):
    out, _ = named_screenings(found(note, *given), note, tabular)
    assert not any(s.code in ("Z13.858", "Z13.32") for s in out)


def test_the_cognitive_check_of_a_wellness_exam_is_part_of_the_exam(tabular):
    note = "Medicare annual wellness visit. Cognitive screen normal. No new problems."
    made, _ = encounter_z_codes([], note, tabular)
    out, _ = named_screenings(made, note, tabular)
    assert "Z13.858" not in codes(out) and "Z00.00" in codes(out)


def test_a_maternal_depression_screen_replaces_the_general_one(tabular):
    note = "Postpartum depression screen negative at the 2-week check."
    made, _ = encounter_z_codes([], note, tabular)
    out, _ = named_screenings(made, note, tabular)
    assert "Z13.32" in codes(out) and "Z13.31" not in codes(out)


def test_sexually_transmitted_infections_spelled_out_are_the_screenings_subject(tabular):
    note = "Urine NAAT sent as screening for sexually transmitted diseases; no symptoms."
    assert "Z11.3" in codes(encounter_z_codes([], note, tabular)[0])


@pytest.mark.parametrize("note", ["Cessation counseling more than 3 minutes; he smokes a pack a day.",
                                  "Tobacco counselling > 10 min, nicotine patch offered."])
def test_counselling_timed_as_a_bound_is_the_service_given(tabular, note):
    assert "Z71.6" in codes(encounter_z_codes([], note, tabular)[0])


@pytest.mark.parametrize("note, long_term", [
    ("Chronic care visit: hypothyroidism on levothyroxine 88 mcg, same dose.", False),  # the visit's name
    ("Chronic levothyroxine for hypothyroidism since thyroidectomy.", True),
])
def test_chronic_says_the_drugs_course_not_the_visits_kind(tabular, note, long_term):
    assert ("Z79.899" in codes(encounter_z_codes([], note, tabular)[0])) == long_term
