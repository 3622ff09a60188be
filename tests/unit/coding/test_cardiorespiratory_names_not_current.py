"""Cardiovascular and respiratory names in a frame that is not current. A heart failure named with its ejection
fraction after it ("HFrEF", "heart failure with preserved EF") is one name: a denial, doubt or past status written
after the whole name is the heart failure's, as after "CHF". What a monitor is to look for is not established."""
import pytest

from services.coding.domain.heart_failure_named_type import end_of_named_type, heart_failure_current
from tests.unit.coding.test_note_readings import coded
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def _heart_failure(note: str) -> tuple[int, int]:
    start = note.lower().index("heart failure")
    return start, start + len("heart failure")


@pytest.mark.parametrize("note, named", [
    ("Echo: heart failure with reduced ejection fraction, EF 30%.", "heart failure with reduced ejection fraction"),
    ("Dx: heart failure with mildly reduced EF; HTN.", "heart failure with mildly reduced EF"),
    ("Dx: heart failure with volume overload.", "heart failure"),
    ("Dx: heart failure (EF 25%).", "heart failure"),
])
def test_the_type_is_read_as_part_of_the_name_and_nothing_else_is(note, named):
    start, end = _heart_failure(note)
    assert note[start:end_of_named_type(note, end)] == named


@pytest.mark.parametrize("note", [
    "A/P: 1. Heart failure with preserved ejection fraction not present.",
    "A/P: 1. Heart failure with reduced EF?",
    "A/P: 1. Heart failure with reduced ejection fraction - resolved.",
    "Dx: heart failure with preserved EF - possible; HTN.",
])
def test_a_status_after_the_typed_name_is_the_heart_failures(note):
    assert not heart_failure_current(note, *_heart_failure(note))


def _any_heart_failure(suggest, note: str) -> list[str]:
    return [s.code for s in suggest(note) if s.code.startswith("I50")]


@pytest.mark.parametrize("note", [
    "A/P: 1. HFrEF not present on echo.",
    "A/P: 1. GERD - continue omeprazole. 2. HFpEF?",
    "A/P: 1. HFrEF - possible, echo ordered.",
    "A/P: 1. HTN - continue amlodipine. 2. HFpEF - resolved.",
    "A/P: 1. HFrEF - hx.",
    "A/P: 1. HFpEF (remote).",
    "Dx: HTN; HFpEF - denies.",
])
def test_a_typed_heart_failure_denied_doubted_or_past_is_not_coded(suggest, note):
    assert _any_heart_failure(suggest, note) == []


@pytest.mark.parametrize("note, code", [
    ("A/P: 1. Chronic HFrEF, EF 35% - continue carvedilol and sacubitril-valsartan.", "I50.22"),
    ("A/P: 1. GERD - continue omeprazole. 2. HFpEF - continue furosemide, euvolemic.", "I50.30"),
    ("A/P: 1. HFrEF not improved - uptitrate carvedilol.", "I50.20"),
    ("Dx: heart failure with reduced ejection fraction, EF 30%; GERD.", "I50.20"),
])
def test_a_typed_heart_failure_stated_as_current_stays_coded(suggest, note, code):
    assert code in coded(suggest, note)


@pytest.mark.parametrize("note, prefix", [
    ("Event monitor: sinus. Plan loop recorder to look for paroxysmal afib.", "I48"),
    ("A/P: 1. GERD - continue omeprazole. 2. Palpitations - Holter looking for SVT.", "I47"),
])
def test_what_a_monitor_is_to_look_for_is_not_coded(suggest, note, prefix):
    assert not any(s.code.startswith(prefix) for s in suggest(note))


@pytest.mark.parametrize("note, code", [
    ("A/P: 1. Afib - rate controlled on metoprolol; will look for a trigger.", "I48.91"),
    ("Dx: COPD on tiotropium; looking for a cheaper inhaler.", "J44.9"),
])
def test_a_look_for_that_seeks_something_else_leaves_the_condition_coded(suggest, note, code):
    assert code in coded(suggest, note)


def test_what_a_monitor_is_to_find_unseen_is_not_coded(suggest):
    found = suggest("A/P: 1. Embolic stroke of unknown source - ILR for occult AF. 2. HTN - amlodipine.")
    assert not any(s.code.startswith("I48") for s in found) and "I10" in coded(suggest,
                                                                              "Dx: HTN; ILR for occult AF.")


@pytest.mark.parametrize("note, ended_prefix", [
    ("A/P: 1. GERD - continue omeprazole. 2. Past dx of HFpEF, echo now normal.", "I50"),
    ("Dx: past diagnosis of pneumonia; HLD.", "J18"),
])
def test_a_diagnosis_held_before_is_not_current(suggest, note, ended_prefix):
    assert not any(s.code.startswith(ended_prefix) for s in suggest(note))


@pytest.mark.parametrize("note", [
    "A/P: 1. COPD exacerbation not seen on CXR, continue tiotropium.",
    "A/P: 1. GERD - continue omeprazole. 2. COPD exacerbation - to be confirmed.",
    "A/P: 1. COPD exacerbation workup - CXR, CBC.",
    "A/P: 1. Asthma exacerbation? peak flow at baseline.",
])
def test_an_exacerbation_denied_doubted_or_sought_is_not_coded(suggest, note):
    assert not any(s.code in ("J44.1", "J45.901") for s in suggest(note))


@pytest.mark.parametrize("note, code", [
    ("A/P: 1. COPD exacerbation, likely viral - prednisone burst, azithromycin.", "J44.1"),
    ("A/P: 1. Asthma exacerbation - albuterol q4h, prednisone 40 x5 d.", "J45.901"),
])
def test_an_exacerbation_stated_stays_coded(suggest, note, code):
    assert code in coded(suggest, note)


@pytest.mark.parametrize("note", [
    "A/P: 1. GERD - continue omeprazole. 2. Dizzy spells - Holter to look for bradycardia.",
    "A/P: 1. Presyncope - question of bradycardia, event monitor.",
])
def test_a_rate_finding_only_sought_or_doubted_is_not_coded(suggest, note):
    assert not any(s.code == "R00.1" for s in suggest(note))


@pytest.mark.parametrize("note, code", [
    ("A/P: 1. Sinus bradycardia, HR 46, asymptomatic - hold metoprolol.", "R00.1"),
    ("Vitals: HR 121. Tachycardia, likely from dehydration - oral fluids.", "R00.0"),
])
def test_a_rate_finding_measured_stays_coded(suggest, note, code):
    assert code in coded(suggest, note)
