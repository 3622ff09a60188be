"""Readings of note forms met first on notes aa1-aa40: a device's or a diary's measure at zero, a screening table's
imaging study named by its target, and the calibration of injury codes completed with their 7th character."""
import pytest

from services.coding.domain.first_sight import FIRST_SIGHT_CONFIDENCE, INJURY_CODE_NAME, calibrated
from services.coding.domain.note_context import mention_scope
from services.coding.domain.note_text import current
from services.coding.domain.suggestions import Suggestion
from tests.unit.coding.test_conventions import tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit
THRESHOLD = 0.9


def _at(text: str, mention: str) -> tuple[int, int]:
    start = text.index(mention)
    return start, start + len(mention)


@pytest.mark.parametrize("text, mention", [
    ("Pacemaker interrogation. AT/AF burden 0%. No mode switches.", "AF"),
    ("Diary reviewed: seizures - 0 episodes since March.", "seizures"),
])
def test_a_measure_at_zero_denies_the_condition(text, mention):
    scope = mention_scope(text, *_at(text, mention))
    assert scope is not None and scope.rule == "negated"
    assert not current(text, *_at(text, mention))  # the rule findings read it the same way


@pytest.mark.parametrize("text, mention", [
    ("AF burden 12% since last check.", "AF"),
    ("AF burden 0.5% on interrogation.", "AF"),  # a decimal is no zero
    ("Seizures 0.5 per month on average.", "Seizures"),
])
def test_a_measure_above_zero_leaves_the_condition_current(text, mention):
    assert mention_scope(text, *_at(text, mention)) is None


@pytest.mark.parametrize("text, mention", [
    ("AAA ultrasound | n/a | not indicated", "AAA"),
    ("DVT duplex of the L leg ordered.", "DVT"),
])
def test_a_condition_named_as_an_imaging_studys_target_is_the_study(text, mention):
    assert mention_scope(text, *_at(text, mention)).rule == "lab-test-analyte"
    assert not current(text, *_at(text, mention))


def test_a_condition_an_imaging_study_found_is_still_read():
    text = "Renal ultrasound: 4 mm kidney stone, left."
    assert mention_scope(text, *_at(text, "kidney stone")) is None


@pytest.mark.parametrize("note, ruled_out", [
    ("Pacemaker interrogation (in-clinic). Dual-chamber PPM placed 2022 for sick sinus syndrome. AT/AF burden 0%. "
     "Device functioning normally.", "I48"),
    ("Medicare Annual Wellness Visit.\nScreening | Last | Status\nAAA ultrasound | n/a | not indicated\n"
     "Problems: GERD on omeprazole, controlled.", "I71"),
])
def test_the_suggester_codes_neither_a_zero_measure_nor_a_studys_target(suggest, note, ruled_out):
    assert not [s.code for s in suggest(note) if s.code.startswith(ruled_out)]


FEMORAL_NECK = ("S72.002D", "Fracture of unspecified part of neck of left femur, subsequent encounter for closed "
                "fracture with routine healing")
CLAVICLE = ("S42.021G", "Displaced fracture of shaft of right clavicle, subsequent encounter for fracture with delayed "
            "healing")


def _injury(convention: str | None, code=FEMORAL_NECK, confidence: float = 0.94) -> Suggestion:
    return Suggestion(code=code[0], description=code[1], confidence=confidence, start=0, end=5,
                      evidence="fracture", context="affirmed", convention=convention)


def test_an_injury_code_completed_with_its_7th_character_that_leaves_its_part_open_goes_to_a_coder(tabular):
    out = calibrated([_injury("seventh-character")], "subcapital fracture of the L femoral neck, routine healing",
                     tabular)
    assert [(s.code, s.confidence, s.convention) for s in out] == [
        ("S72.002D", FIRST_SIGHT_CONFIDENCE, INJURY_CODE_NAME)]
    assert FIRST_SIGHT_CONFIDENCE < THRESHOLD and "'unspecified'" in out[0].reason and "7 times in 14" in out[0].reason


@pytest.mark.parametrize("convention, code, confidence", [
    ("seventh-character", CLAVICLE, 0.94),  # names its site and kind: right 11 times in 12
    ("injury-specificity", FEMORAL_NECK, 0.94),  # another rule's code keeps its own calibration
    ("seventh-character-missing", FEMORAL_NECK, 0.7),  # already a coder's: never raised
])
def test_other_injury_readings_keep_their_confidence(tabular, convention, code, confidence):
    out = calibrated([_injury(convention, code, confidence)], "fracture", tabular)
    assert [s.confidence for s in out] == [confidence]


@pytest.mark.parametrize("note, held", [
    ("Fx clinic f/u: closed subcapital fracture of the L femoral neck, subsequent encounter, routine healing.", True),
    ("Fx clinic. 4 wks after closed displaced fracture of the shaft of the R clavicle. Subsequent encounter, "
     "routine healing.", False),
])
def test_the_suggester_sends_only_a_completed_injury_code_left_open_to_a_coder(suggest, note, held):
    injuries = [s for s in suggest(note) if s.code.startswith(("S42", "S72"))]
    assert injuries and all((s.confidence < THRESHOLD) is held for s in injuries)
    assert any(s.convention == (INJURY_CODE_NAME if held else "seventh-character") for s in injuries)


@pytest.mark.parametrize("note, visit, presence", [
    ("Pacemaker interrogation (in-clinic). Dual-chamber PPM placed 2022 for sick sinus syndrome. Battery 8.5 yr.",
     "Z45.010", "Z95.0"),
    ("ICD interrogation: no shocks since last check, battery OK. Ischemic cardiomyopathy, EF 30%.", "Z45.02",
     "Z95.810"),
])
def test_a_cardiac_devices_interrogation_is_the_visits_reason_and_its_presence_is_not_billed(suggest, note, visit,
                                                                                             presence):
    found = {s.code: s for s in suggest(note)}
    assert found[visit].confidence >= THRESHOLD and found[visit].convention == "encounter-reason"
    assert presence not in found or found[presence].confidence < THRESHOLD  # Z45 excludes Z95 (Excludes1)


def test_a_device_only_named_is_no_interrogation(suggest):
    assert not [s for s in suggest("Sick sinus syndrome s/p pacemaker 2022, doing well.") if s.code.startswith("Z45")]


def test_a_strokes_territory_and_date_before_its_residual_deficit_still_make_it_a_sequela(suggest):
    note = "Stroke clinic f/u\n1) Cerebral infarction, L MCA territory (06/2026), with residual R hemiparesis (R dominant)"
    found = {s.code: s for s in suggest(note)}
    assert found["I69.351"].confidence >= THRESHOLD
    assert not [c for c, s in found.items() if c.startswith("I63") and s.confidence >= THRESHOLD]


@pytest.mark.parametrize("note, monitored", [
    ("Anticoag clinic. Persistent atrial fibrillation. Warfarin 5 mg daily, long term. INR today 2.4.", True),
    ("Persistent AF on warfarin, INR today 2.4. Continue current dose.", False),  # a value at another visit
])
def test_an_anticoagulation_clinic_visit_is_the_drugs_monitoring(suggest, note, monitored):
    found = {s.code: s for s in suggest(note)}
    assert ("Z51.81" in found and found["Z51.81"].confidence >= THRESHOLD) is monitored
