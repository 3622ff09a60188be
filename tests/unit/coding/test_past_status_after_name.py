"""A condition whose status, written after its name, closes its list item as over ("MI - old", "eczema (old)",
"gout - not active"), or that is named as a diagnosis held before ("past dx of asthma"), is not coded as current;
a status that names the past ("- hx", "(remote, 2018)") gives its History entry."""
import pytest

from services.coding.domain.note_context import RESOLVED, past_by_name
from tests.unit.coding.test_note_readings import coded
from tests.unit.coding.test_problem_list_and_superseded_readings import _current, _scope
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, mention", [
    ("A/P: 1. Eczema - old, no flares as an adult.", "Eczema"),
    ("PMH: PUD (old), HTN.", "PUD"),
    ("A/P: 1. HTN - continue lisinopril. 2. Anemia - not active.", "Anemia"),
    ("Dx: asthma - not active; GERD on PPI.", "asthma"),
    ("PMH: past dx of ADHD.", "ADHD"),
    ("Epilepsy - hx, seizure-free since 2010, off AEDs.", "Epilepsy"),
    ("Dx: peptic ulcer - hx (2017, H. pylori treated); HLD on atorvastatin.", "peptic ulcer"),
])
def test_a_status_that_closes_the_item_as_over_keeps_it_off_the_claim(note, mention):
    assert _scope(note, mention).rule == RESOLVED and not _current(note, mention)


@pytest.mark.parametrize("note, mention", [
    ("Lac on the scalp, 3 days old, healing.", "Lac"),
    ("Ankle sprain - old injury re-aggravated today, swelling.", "Ankle sprain"),
    ("Asthma - not active in sports due to wheeze.", "Asthma"),
    ("COPD - hx, on tiotropium, 2 flares this year.", "COPD"),
])
def test_old_or_not_active_that_goes_on_does_not_close_the_item(note, mention):
    assert _current(note, mention)


def test_an_old_infarct_is_the_history_entry_and_not_an_acute_one(suggest):
    note = "A/P: 1. HTN - continue lisinopril. 2. MI - old, no angina."
    assert past_by_name(_scope(note, "MI"))
    found = coded(suggest, note)
    assert "I25.2" in found and "I10" in found and not any(code.startswith(("I21", "I22")) for code in found)


def test_a_diagnosis_named_as_past_is_its_history_entry(suggest):
    found = coded(suggest, "Dx: HTN on amlodipine; past dx of kidney stones, none in 6 yrs.")
    assert "Z87.442" in found and "N20.0" not in found and "I10" in found


def test_a_current_condition_beside_an_old_one_stays_coded(suggest):
    found = coded(suggest, "A/P: 1. Gout - not active. 2. GERD on omeprazole, heartburn controlled.")
    assert not any(code.startswith("M10") for code in found) and "K21.9" in found


@pytest.mark.parametrize("note, history, current_prefix", [
    ("Dx: HTN on amlodipine; kidney stones - hx, none since 2016.", "Z87.442", "N20"),
    ("A/P: 1. HTN - continue lisinopril. 2. TIA (remote, 2018), no deficits.", "Z86.73", "G45"),
    ("Lab req: CMP. Dx: HTN; UTI (remote).", "Z87.440", "N39"),
])
def test_a_history_status_after_its_dash_or_bracket_is_the_history_entry(suggest, note, history, current_prefix):
    found = coded(suggest, note)
    assert history in found and "I10" in found and not any(code.startswith(current_prefix) for code in found)


def test_an_inactive_status_says_it_ended_not_which_history():
    assert not past_by_name(_scope("Problem list: Lumbar DDD - active; Gout - inactive.", "Gout"))
