"""A bare history item is current where the note's medication list or plan names a drug that treats it alone, and
stays out where the drug has other uses, was stopped, or the item's own words say it is over."""
import pytest

from services.coding.domain.listed_drug_care import treated_by_listed_drug
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Past history: HTN; gout. Current medications: amlodipine 5 mg, febuxostat 40 mg daily.", "M10.9"),
    ("PMH: hypothyroidism; asthma. Home meds: Synthroid 100 mcg, albuterol prn.", "E03.9"),
    ("Hx: gout. Plan: continue allopurinol 100 mg, recheck urate in 3 months.", "M10.9"),
])
def test_a_bare_item_whose_only_drug_is_listed_is_current(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note, category", [
    ("PMH: gout, resolved after weight loss. Meds: allopurinol 100 mg.", "M10"),
    ("PMH: hyperthyroidism as a teenager. Meds: levothyroxine 50 mcg.", "E05"),
    ("PMH: gout. Meds: allopurinol (stopped 2023), metoprolol.", "M10"),
    ("PMH: gout. Meds: lisinopril 10 mg. Allergies: allopurinol (rash).", "M10"),
])
def test_an_item_over_or_a_drug_not_taken_is_not_current(suggest, note, category):
    assert not any(code.startswith(category) for code in billed(suggest, note))


@pytest.mark.parametrize("code, note, expected", [
    ("M10.9", "Medications: allopurinol 300 mg daily.", True),
    ("E03.9", "Plan: start levothyroxine 25 mcg.", True),
    ("G20.A1", "Meds: carbidopa-levodopa 25/100 tid.", True),
    ("K21.9", "Meds: omeprazole 20 mg daily.", False),  # also for ulcers and dyspepsia
    ("H40.9", "Meds: latanoprost 0.005% qhs OU.", False),  # also for ocular hypertension
    ("M10.9", "Allopurinol was discussed; no medications today.", False),  # not in a list or plan
    ("M10.9", "Meds: stopped allopurinol last year; colchicine prn.", False),
])
def test_only_a_listed_drug_with_that_one_use_counts(code, note, expected):
    assert treated_by_listed_drug(code, note) is expected
