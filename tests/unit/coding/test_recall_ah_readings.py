"""Readings for codes missed at first sight: a condition the note says ended and dates in the past, episodes counted
over a span long past, and the signs after a doubted diagnosis and its dash."""
import pytest

from services.coding.domain.dated_past import DATED_PAST_AFTER
from services.coding.domain.ended_history import ended_in_the_past
from services.coding.domain.reason_after_doubt import doubts_then_reason
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("text, start", [
    ("Hx of social phobia, resolved with CBT.", 6),
    ("Postpartum depression 2019, recovered.", 0),
    ("Generalized anxiety in her twenties, fully resolved.", 0),
])
def test_an_ending_dated_past_is_read_as_history(text, start):
    cue = "recovered" if "recovered" in text else "resolved"
    assert ended_in_the_past(cue, text, start, start + 5)


@pytest.mark.parametrize("text, cue", [
    ("Rash resolved with the cream.", "resolved"),
    ("Cough resolved, lungs clear.", "resolved"),
    ("Hx of DVT, treated.", "treated"),
])
def test_an_ending_with_no_date_or_a_cue_that_is_no_ending_is_not(text, cue):
    assert not ended_in_the_past(cue, text, 0, 4)


@pytest.mark.parametrize("note, expected", [
    ("PMH: depression, resolved after a year of therapy in 2015.", "Z86.59"),
    ("Hx of panic disorder, recovered, no attacks since.", "Z86.59"),
    ("Bulimia nervosa in college, resolved.", "Z86.59"),
    ("H/o DVT of the L leg 2018, resolved; off anticoagulation.", "Z86.718"),
])
def test_a_condition_the_note_says_ended_in_the_past_is_its_personal_history(suggest, note, expected):
    assert expected in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("Depression resolved? Still low most days.", "Z86.59"),
    ("Mother had depression, resolved with sertraline in 2010.", "Z86.59"),
    ("No history of anxiety disorder; stress resolved last year.", "Z86.59"),
])
def test_an_ending_in_question_a_relatives_or_denied_is_no_personal_history(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("following", [" x 2 last year", " x3 as a child", ", twice last winter",
                                        " three times in childhood", " x 2 last yr"])
def test_episodes_counted_over_a_span_long_past_are_dated_past(following):
    assert DATED_PAST_AFTER.search(following)


@pytest.mark.parametrize("following", [" x 2 weeks", " x 10 yrs", " x 3 days, worse today"])
def test_a_duration_is_no_past_date(following):
    assert not DATED_PAST_AFTER.search(following)


@pytest.mark.parametrize("note, expected, current", [
    ("Bronchitis... no. Pneumonia x 3 last year, all treated as an outpatient.", "Z87.01", "J18.9"),
    ("Urinary tract infections twice as a teenager.", "Z87.440", "N39.0"),
])
def test_counted_past_episodes_are_their_history_not_a_current_episode(suggest, note, expected, current):
    codes = billed(suggest, note)
    assert expected in codes and current not in codes


@pytest.mark.parametrize("cue", ["possible", "Suspected", "likely", "probable", "concern for"])
def test_a_doubt_names_a_diagnosis_whose_reason_may_follow(cue):
    assert doubts_then_reason(cue)


@pytest.mark.parametrize("cue", ["history of", "no", "denies"])
def test_other_cues_are_no_doubt(cue):
    assert not doubts_then_reason(cue)


@pytest.mark.parametrize("note, expected", [
    ("Probable pneumonia - productive cough and fever x 4 days.", "R50.9"),
    ("Suspected bladder infection: dysuria since Monday.", "R30.0"),
    ("Reason for test: possible heart failure - shortness of breath.", "R06.02"),
])
def test_the_signs_after_a_doubted_diagnosis_and_its_dash_are_coded(suggest, note, expected):
    assert expected in {s.code for s in suggest(note)}


@pytest.mark.parametrize("note, code", [
    ("Possible pneumonia - will repeat CXR; no fever.", "R50.9"),
    ("Possible migraine vs syncope, no further workup.", "R55"),
])
def test_a_denied_sign_or_one_doubted_beside_the_diagnosis_stays_out(suggest, note, code):
    assert code not in {s.code for s in suggest(note)}


@pytest.mark.parametrize("note, expected, tumour", [
    ("Pituitary adenoma resected in 2014, no residual on MRI.", "Z86.018", "D35.2"),
    ("Pituitary macroadenoma removed via a transsphenoidal approach in 2020.", "Z86.018", "D35.2"),
])
def test_a_benign_tumour_the_note_says_was_removed_is_its_personal_history(suggest, note, expected, tumour):
    codes = billed(suggest, note)
    assert expected in codes and tumour not in codes


@pytest.mark.parametrize("note", [
    "Pituitary adenoma, scheduled to be resected next month.",
    "Pituitary adenoma resected 2018 with residual tumor in the cavernous sinus.",
    "Pituitary macroadenoma, recurrent after resection in 2016.",
])
def test_one_still_to_be_removed_or_remaining_is_no_history(suggest, note):
    assert "Z86.018" not in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "LUL adenocarcinoma treated with lobectomy 2019, no evidence of recurrence.",
    "H/o right lower lobe cancer, s/p SBRT 2021.",
])
def test_a_lung_cancer_named_by_its_lobe_in_the_past_is_its_personal_history(suggest, note):
    assert "Z85.118" in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Inferior MI 2015, one stent placed.",
    "NSTEMI in March 2021, medically managed.",
    "CAD: STEMI (06/2018) s/p PCI to the RCA.",
])
def test_an_infarction_dated_to_a_year_is_an_old_one(suggest, note):
    codes = billed(suggest, note)
    assert "I25.2" in codes and not any(c.startswith(("I21", "I22")) for c in codes)


@pytest.mark.parametrize("note", [
    "STEMI 11/2026, admitted to the cath lab 5 days ago.",
    "Recent NSTEMI 10/2026, now in cardiac rehab.",
])
def test_an_infarction_the_sentence_says_is_recent_is_not_old(suggest, note):
    assert "I25.2" not in billed(suggest, note)


@pytest.mark.parametrize("note, expected", [
    ("NCS: left peroneal neuropathy across the fibular head.", "G57.32"),
    ("Foot drop from a R common fibular nerve palsy after a long surgery in lithotomy.", "G57.31"),
    ("Bilateral peroneal mononeuropathy from weight loss and leg crossing.", "G57.33"),
])
def test_a_peroneal_nerve_lesion_is_the_lateral_popliteal_code_by_side(suggest, note, expected):
    codes = billed(suggest, note)
    assert expected in codes and "G58.9" not in codes and "G62.9" not in codes


@pytest.mark.parametrize("note, expected", [
    ("Diabetic foot: status post left great toe amputation in 2022.", "Z89.412"),
    ("PMH: R big toe amputated for osteomyelitis 2020.", "Z89.411"),
    ("S/p amputation of the right fourth toe, healed.", "Z89.421"),
])
def test_an_amputated_toe_is_its_acquired_absence_by_side(suggest, note, expected):
    assert expected in billed(suggest, note)


def test_a_toe_amputation_only_planned_is_no_absence(suggest):
    assert not any(c.startswith("Z89") for c in billed(suggest, "Gangrene of the L great toe; great toe amputation "
                                                                 "scheduled for Monday."))


@pytest.mark.parametrize("note", ["Tobacco: quit 2019.", "Smoking - stopped in 2015.", "Tobacco => quit 2019.",
                                  "Cigarette use: quit 10 yrs ago."])
def test_a_habit_then_its_stopping_is_a_former_smoker(suggest, note):
    assert "Z87.891" in billed(suggest, note)


def test_a_habit_still_current_is_no_former_smoker(suggest):
    assert "Z87.891" not in billed(suggest, "Tobacco: current 1 ppd, wants to quit.")
