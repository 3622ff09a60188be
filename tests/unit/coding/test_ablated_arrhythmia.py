"""An arrhythmia ablated and not come back is its personal history, Z86.79; one that recurred, persists or awaits
its ablation stays current."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, gone", [
    ("Problem list: paroxysmal atrial fibrillation, ablated 2020, no recurrence since. HTN.", "I48.0"),
    ("Hx AVNRT s/p slow pathway ablation 2017, no further episodes. Here for a cough.", "I47.1"),
    ("Typical flutter: status post ablation in 2019, remains in sinus rhythm on today's ECG.", "I48.3"),
    ("Afib, PVI 2023, maintaining NSR; apixaban stopped after 3 months.", "I48.91"),
])
def test_an_arrhythmia_ablated_and_gone_is_its_history(suggest, note, gone):
    codes = billed(suggest, note)
    assert "Z86.79" in codes
    assert not any(code.startswith(gone) for code in codes)


@pytest.mark.parametrize("note", [
    "Paroxysmal AF, recurred 6 months after ablation in 2022; restarted apixaban.",
    "Persistent atrial fibrillation, still in AF despite ablation 2021; rate control with metoprolol.",
    "SVT, referred for ablation; no recurrence of syncope since starting metoprolol.",
    "Atrial flutter s/p ablation last week; here for groin check.",
    "Mother had AF ablated in 2015, no recurrence.",
])
def test_one_that_came_back_awaits_ablation_or_is_not_said_gone_is_not(suggest, note):
    assert "Z86.79" not in billed(suggest, note)
