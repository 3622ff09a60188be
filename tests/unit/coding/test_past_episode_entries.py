"""Episodes over, read by the index's History, personal entries: a head injury (a concussion, or a bleed on the
brain its sentence says came from trauma) placed in the past by a past heading, "remote", or a year with its
recovery; a pregnancy's diabetes once the pregnancy is dated or over; a diabetic foot ulcer once healed."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Past: epidural hematoma from a motorcycle crash in 2008, drained, no deficits since.", "Z87.820"),
    ("Remote concussion playing rugby at school; no lasting symptoms.", "Z87.820"),
    ("Brain contusion? No. Concussion in 2021 while skiing, fully recovered.", "Z87.820"),
    ("Past medical history: traumatic subdural hematoma 2016, evacuated.", "Z87.820"),
    ("Gestational diabetes with her first pregnancy, resolved after delivery. A1c 5.4 today.", "Z86.32"),
    ("GDM in 2018 and 2021, diet controlled both times.", "Z86.32"),
    ("Diabetic ulcer of the left great toe closed over in the spring; offloading shoes continue.", "Z86.31"),
    ("Left heel diabetic ulcer healed in 2024.", "Z86.31"),
])
def test_an_episode_the_note_places_over_is_its_personal_history(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Concussion from a fall at soccer yesterday; headache and nausea, no loss of consciousness.", "Z87.820"),
    ("Chronic subdural hematoma on CT, no trauma recalled; neurosurgery to review.", "Z87.820"),
    ("Brother had a concussion in 2019, fully recovered.", "Z87.820"),
    ("G2P1 at 28 weeks gestation with gestational diabetes since 2025, on insulin.", "Z86.32"),
    ("Right plantar diabetic foot ulcer, 1.5 cm, not healed; debrided today.", "Z86.31"),
    ("Diabetic foot ulcer healed last year, now recurrent at the same site.", "Z86.31"),
])
def test_a_current_injury_a_nontraumatic_bleed_a_relatives_or_an_episode_still_under_way_is_not(suggest, note, code):
    assert code not in billed(suggest, note)


def test_the_injurys_own_code_gives_way_to_its_history(suggest):
    coded = billed(suggest, "Past medical: traumatic brain injury after a fall from a roof in 2011, no deficit left.")
    assert "Z87.820" in coded and not any(code.startswith("S06") for code in coded)


@pytest.mark.parametrize("note, code", [
    ("Left popliteal DVT in 2019, six months of warfarin, has not recurred.", "Z86.718"),
    ("Resolved: DVT of the right leg 2022 after a long flight.", "Z86.718"),
    ("Pulmonary embolism in 2017, anticoagulated for a year, no recurrence.", "Z86.711"),
    ("PE in 2021 after a hip replacement, fully recovered.", "Z86.711"),
    ("Rheumatic fever as a teenager; no murmur today.", "Z86.79"),
])
def test_a_clot_treated_and_gone_and_a_childhood_rheumatic_fever_are_personal_history(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Right femoral DVT diagnosed 2026, on apixaban, swelling improving.", "Z86.718"),
    ("PE protocol CT ordered to evaluate for pulmonary embolism.", "Z86.711"),
    ("PE: lungs clear, heart regular.", "Z86.711"),
    ("Pulmonary embolism 2020, now recurrent with a new clot on CT.", "Z86.711"),
])
def test_a_clot_under_treatment_doubted_or_back_and_the_exam_are_not(suggest, note, code):
    assert code not in billed(suggest, note)
