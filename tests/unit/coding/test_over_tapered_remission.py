"""A condition whose drug was tapered off or stopped, then said not to have come back, is over: its chapter's
history code where the chapter has one, never the condition as current. The drug's end alone, a quiet spell ("no
flares x 2 yrs") or a remission of a disease that goes on leave the condition coded; a relapse keeps it current.
An ending written at the end of a list of conditions is the last item's: the names before it stay current."""
import pytest

from services.coding.domain.list_item_ending import ended_in_a_later_item
from services.coding.domain.tapered_course import TAPERED_THEN_OVER_AFTER
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("after", [
    " diagnosed 2021, methylprednisolone weaned off 5/2024, no relapse since",
    " - off steroids since 2022, none since",
    ", colchicine stopped last spring, no recurrences",
    " diagnosis 2020, tapered off, resolved",
])
def test_the_drug_ended_then_the_outcome(after):
    assert TAPERED_THEN_OVER_AFTER.match(after)


@pytest.mark.parametrize("after", [
    " - tapered off tx 1/2025",  # the end of the drug, no outcome
    " - no flares x 3 yrs on tocilizumab",
    ", prednisone tapered off; flared 2/2026",
    " - stopped prednisone, not resolved",
])
def test_no_outcome_or_not_over(after):
    assert not TAPERED_THEN_OVER_AFTER.match(after)


@pytest.mark.parametrize("note, gone, history", [
    ("Rheum f/u. Polymyalgia rheumatica diagnosed 2022, prednisone tapered off 1/2025, no recurrence. "
     "A/P: 1. OA R knee - continue PT.", "M35.3", "Z87.39"),
    ("A/P: 1. HTN - continue lisinopril. 2. PMR - off prednisone since 2023, no relapse.", "M35.3", None),
    ("A/P: 1. Pericarditis - colchicine stopped 2024, no recurrence.", "I3", None),
])
def test_a_tapered_condition_that_has_not_returned_is_not_billed_current(suggest, note, gone, history):
    codes = billed(suggest, note)
    assert not any(code.startswith(gone) for code in codes)
    if history:
        assert history in codes


@pytest.mark.parametrize("note, code", [
    ("A/P: 1. PMR - prednisone tapered to 2 mg, flared again 3/2026.", "M35.3"),
    ("A/P: 1. Multiple myeloma in remission on lenalidomide maintenance.", "C90.01"),
    ("A/P: 1. MDD, recurrent, in remission - continue sertraline.", "F33.40"),
    ("A/P: 1. RA - in remission on MTX, continue.", "M06.9"),
    ("A/P: 1. GAD - stable on escitalopram. 2. HTN - losartan stopped, BP at goal on diet.", "F41.1"),
])
def test_current_conditions_beside_stay_billed(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("between", [
    ", osteoporosis, melanoma excised 2017, no recurrence",
    ", Lyme disease treated 2021",
    " disease, asthma, prostate ca s/p RP",
])
def test_an_ending_after_another_name_is_that_items(between):
    assert ended_in_a_later_item("Past medical history: heart", between)


@pytest.mark.parametrize("between", [
    ", resolved",
    ", admitted, treated with ceftriaxone, resolved",
    ", right calf, treated 2020, resolved",
    " treated 2019, cured",
    ", repleted",
    ", onset 3 h ago, resolved",
])
def test_an_ending_of_the_conditions_own_account(between):
    assert not ended_in_a_later_item("PMH: ", between)


def test_outside_a_history_list_the_words_between_are_the_conditions_account():
    assert not ended_in_a_later_item("Dx: H. pylori duodenal ", ", triple therapy completed 5 weeks ago")


@pytest.mark.parametrize("note, current, past", [
    ("Annual f/u 66M. PMH: COPD, BPH, colon ca s/p hemicolectomy 2018, no recurrence. A/P: 1. COPD - continue "
     "inhaler. 2. BPH - continue tamsulosin.", ("J44.9", "N40.0"), "Z85.038"),
    ("Hx: hypothyroidism, osteoarthritis of R knee, hep C cured 2020. A/P: 1. Hypothyroidism - continue "
     "levothyroxine.", ("E03.9",), "Z86.19"),
])
def test_list_neighbours_of_a_past_condition_stay_billed(suggest, note, current, past):
    codes = billed(suggest, note)
    assert set(current) <= codes and past in codes
