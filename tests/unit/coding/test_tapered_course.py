"""A condition whose drug was tapered off or stopped, then said not to have come back, is over: its chapter's
history code where the chapter has one, never the condition as current. The drug's end alone, a quiet spell ("no
flares x 2 yrs") or a remission of a disease that goes on leave the condition coded; a relapse keeps it current."""
import pytest

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
