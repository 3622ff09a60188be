"""An arrhythmia ablated, its course told in the next clause after a semicolon ("CTI ablation 3 months ago; Holter
sinus rhythm throughout, no recurrence"), is over: its personal history Z86.79, not the arrhythmia. Not where that
clause says it came back, where a rhythm drug is still taken, or where the clause's end word may be another item's."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note", [
    "EP f/u. Typical atrial flutter, CTI ablation 2023; event monitor sinus rhythm throughout, no recurrence.",
    "Cardiology. AVNRT, slow pathway ablation 2 years ago; no palpitations since. HTN on amlodipine.",
    "A/P: 1. HTN - continue lisinopril. 2. Atrial flutter s/p ablation 2022; Holter without flutter.",
])
def test_an_arrhythmia_ablated_and_gone_in_the_next_clause_is_its_history(suggest, note):
    codes = billed(suggest, note)
    assert "Z86.79" in codes and not any(code.startswith(("I47", "I48")) for code in codes)


@pytest.mark.parametrize("note", [
    "EP f/u. Atrial flutter s/p ablation 2022; flutter recurred in May, no recurrence of syncope.",
    "EP f/u. Atrial flutter, CTI ablation 2022; on flecainide 50 mg bid, no recurrence.",
    "Cardiology. Atrial flutter, ablation 2021; gout resolved.",
    "EP consult. Atrial flutter, ablation planned; no recurrence of syncope.",
])
def test_one_come_back_still_on_its_drug_or_without_its_own_outcome_is_not(suggest, note):
    assert "Z86.79" not in billed(suggest, note)
