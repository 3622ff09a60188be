"""The routine gynecological exam and the driving licence's exam by the names clinics give them, and contraceptive
management: the pill kept on (Z30.41), counselling with no method prescribed (Z30.09)."""
import pytest

from services.coding.domain.contraceptive_encounter import (
    NAME,
    contraceptive_management,
)
from services.coding.domain.contraceptive_methods import NAME as METHOD_NAME
from services.coding.domain.encounter_reasons import encounter_reasons
from services.coding.domain.routine_exam_findings import routine_exam_with_findings
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "Well woman exam for a 41 year old; breast and pelvic exams normal.",
    "Annual GYN exam. Cervical cytology collected.",
    "Routine pelvic exam, due every year per her history.",
    "Gynecologic annual visit, no complaints.",
])
def test_the_routine_gynecological_exam_by_its_names(tabular, note):
    out, reasons = encounter_reasons([], note, tabular)
    assert codes(out) == ["Z01.419"] and reasons


@pytest.mark.parametrize("note", [
    "Pelvic exam for two weeks of lower abdominal pain: adnexal tenderness on the left.",
    "No well-woman visit this year; she sees her gynecologist.",
    "Annual gyn exam scheduled for March.",
])
def test_a_pelvic_exam_for_a_complaint_or_not_done_today_is_not_the_routine_one(tabular, note):
    assert "Z01.419" not in codes(encounter_reasons([], note, tabular)[0])


def test_a_sign_found_at_the_gynecological_exam_makes_it_one_with_abnormal_findings(tabular):
    note = "Well-woman check; new vulvar itching for a month."
    made, _ = encounter_reasons(found(note, ("L29.2", "vulvar itching")), note, tabular)
    made = [s.model_copy(update={"code": "R23.8"}) if s.code == "L29.2" else s for s in made]  # a sign (R) found
    out, _ = routine_exam_with_findings(made, note, tabular)
    assert "Z01.411" in codes(out) and "Z01.419" not in codes(out)


def test_a_gynecological_exam_stated_with_abnormal_findings_is_one(tabular):
    note = "Routine gynecologic exam with abnormal findings: cervical ectropion seen."
    made, _ = encounter_reasons([], note, tabular)
    out, _ = routine_exam_with_findings(made, note, tabular)
    assert "Z01.411" in codes(out)


def test_a_breast_lump_found_at_the_gynecological_exam_is_an_abnormal_finding(tabular):
    note = "Annual gynecologic exam; a new 1 cm lump in the left breast at 2 o'clock."
    made, _ = encounter_reasons(found(note, ("N63.21", "lump in the left breast")), note, tabular)
    out, _ = routine_exam_with_findings(made, note, tabular)
    assert "Z01.411" in codes(out) and "Z01.419" not in codes(out)


@pytest.mark.parametrize("note", [
    "Driver's license medical form completed for a 66 year old with controlled epilepsy.",
    "Commercial driver medical exam; vision and hearing meet the standard.",
    "Driving licence medical for renewal at 75.",
])
def test_the_driving_licence_exam_by_its_names(tabular, note):
    assert "Z02.4" in codes(encounter_reasons([], note, tabular)[0])


@pytest.mark.parametrize("note", [
    "She continues her oral contraceptive pills without breakthrough bleeding; 3 packs refilled.",
    "Birth control pills refilled for a year.",
    "Plan: stay on the combined oral contraceptive.",
])
def test_the_contraceptive_pill_kept_on_is_its_surveillance(tabular, note):
    out, reasons = contraceptive_management([], note, tabular)
    assert codes(out) == ["Z30.41"] and out[0].convention == NAME and reasons


@pytest.mark.parametrize("note", [
    "Acne vulgaris; continue OCP and topical retinoid.",  # a pill for acne, not named as contraception
    "Started oral contraceptive pills today, first pack given.",  # an initial prescription, not surveillance
    "Stopped her birth control pills last year to conceive.",
    "No oral contraceptives: history of a DVT.",
])
def test_a_pill_not_named_as_contraception_or_not_kept_on_is_not_surveillance(tabular, note):
    assert "Z30.41" not in codes(contraceptive_management([], note, tabular)[0])


@pytest.mark.parametrize("note, expected", [
    ("Sexually active 22 year old; contraception counseling given, she will think about an implant.", ["Z30.09"]),
    ("Counseled on birth control options after her STI screen.", ["Z30.09"]),
    ("Continues birth control pills, refilled; contraceptive counseling given.", ["Z30.41"]),  # the method's code
    ("She declined contraceptive counseling.", []),
])
def test_counselling_on_contraception_with_no_method_kept_on(tabular, note, expected):
    assert codes(contraceptive_management([], note, tabular)[0]) == expected


def test_a_pill_she_is_only_on_is_long_term_use_made_by_the_method_reading(tabular):
    note = "Seen for a sprained wrist. On birth control pills for two years."
    out, _ = contraceptive_management([], note, tabular)
    assert codes(out) == ["Z79.3"] and out[0].convention == METHOD_NAME
