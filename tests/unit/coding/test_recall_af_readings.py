"""Readings for codes missed at first sight: the History, personal entries of episodes over once treated, and
conditions written in the words patients and clinicians say rather than the tabular's."""
import pytest

from services.coding.domain.context_z_codes import history_code
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("condition, expected", [
    ("A15.0", "Z86.11"), ("G00.9", "Z86.61"), ("K26.9", "Z87.11"), ("I46.9", "Z86.74"), ("J93.11", "Z87.09"),
    ("S06.0X0A", "Z87.820"), ("T14.91XA", "Z91.51"), ("N10", "Z87.440"),
])
def test_an_episode_over_once_treated_has_its_own_history_entry(condition, expected):
    assert history_code("history", condition) == expected
    assert history_code("family", condition) is None


@pytest.mark.parametrize("note, expected", [
    ("PMH: traumatic brain injury in 2012 after a fall from a ladder.", "Z87.820"),
    ("Hx of TBI (MVA 2008), no deficits.", "Z87.820"),
    ("H/o two concussions in college football.", "Z87.820"),
    ("History of pulmonary TB, completed treatment in 2010.", "Z86.11"),
    ("Hx of latent TB infection, treated with 4 months of rifampin.", "Z86.15"),
    ("History of viral meningitis at age 12.", "Z86.61"),
    ("h/o bleeding duodenal ulcer 2019, on PPI no longer.", "Z87.11"),
    ("Past history of preeclampsia with her second child.", "Z87.59"),
    ("Hx of pyelonephritis x 2, last in 2021.", "Z87.440"),
])
def test_an_episode_named_in_the_past_is_its_personal_history_code(suggest, note, expected):
    assert expected in billed(suggest, note)


@pytest.mark.parametrize("note, code", [
    ("No history of tuberculosis; PPD negative.", "Z86.11"),
    ("Father with a traumatic brain injury after a fall.", "Z87.820"),
    ("H/o TB, currently on RIPE therapy.", "Z86.11"),
    ("Concussion 2 days ago playing soccer, initial encounter.", "Z87.820"),
    ("Post-concussion syndrome with daily headaches.", "Z87.820"),
    ("QuantiFERON for TB screening before starting a biologic.", "Z86.11"),
])
def test_a_denied_a_relatives_a_current_or_a_screened_for_episode_is_no_personal_history(suggest, note, code):
    assert code not in billed(suggest, note)


@pytest.mark.parametrize("note, expected", [
    ("Numbness over the L lateral thigh x 2 months.", "R20.0"),
    ("Complains of ringing in the left ear since the concert.", "H93.12"),
    ("Both ears ringing, worse at night.", "H93.13"),
    ("Cold sore on the lower lip, started acyclovir cream.", "B00.1"),
    ("Fever blisters recur twice a year.", "B00.1"),
    ("Itchy hives on the trunk after a new soap.", "L50.9"),
    ("Intermittent chest pressure when climbing stairs.", "R07.89"),
    ("High cholesterol, LDL 172, starting atorvastatin.", "E78.00"),
    ("Pain in the right calf after running, no swelling.", "M79.661"),
    ("Speech delay at 3 years; referred to speech therapy.", "F80.9"),
])
def test_a_condition_in_everyday_words_is_its_index_entry(suggest, note, expected):
    assert expected in billed(suggest, note)


def test_low_sugars_in_a_diabetic_are_the_combination_with_hypoglycemia(suggest):
    assert "E11.649" in billed(suggest, "T2DM on glipizide with low blood sugars twice a week.")


def test_high_cholesterol_named_as_its_disorder_is_that_disorder(suggest):
    coded = billed(suggest, "Your high cholesterol (hyperlipidemia) is controlled on atorvastatin.")
    assert "E78.00" not in coded


@pytest.mark.parametrize("note, code", [
    ("Denies numbness or weakness.", "R20.0"),
    ("No ringing in the ears, no hearing loss.", "H93.19"),
    ("Mother has high cholesterol.", "E78.00"),
    ("Return if hives or lip swelling develop.", "L50.9"),
])
def test_everyday_words_denied_a_relatives_or_supposed_are_not_coded(suggest, note, code):
    assert not {c for c in billed(suggest, note) if c[:3] == code[:3]}


@pytest.mark.parametrize("note, expected", [
    ("PMH: Hx R ankle fracture 2015, no problems since.", "Z87.81"),
    ("History of a L hip fracture in 2020 after a fall from standing; osteoporosis on denosumab.", "Z87.310"),
    ("Hx T8 compression fracture (osteoporotic), 2019.", "Z87.310"),
])
def test_a_healed_fracture_under_a_history_heading_is_its_personal_history(suggest, note, expected):
    coded = billed(suggest, note)
    assert expected in coded and not {c for c in coded if c.startswith("S")}


@pytest.mark.parametrize("note", [
    "Hx L distal radius fx 5 wks ago, in cast, healing well.",
    "Family history of hip fracture in her mother.",
    "No history of fracture; DXA normal.",
])
def test_a_fracture_under_care_a_relatives_or_denied_is_no_personal_history(suggest, note):
    assert not {c for c in billed(suggest, note) if c.startswith("Z87.3") or c == "Z87.81"}


def test_an_exacerbation_its_clause_says_is_over_is_not_todays(suggest):
    coded = billed(suggest, "Seen in urgent care last Tuesday for an asthma flare, given prednisone, now back to "
                            "baseline.")
    assert "J45.901" not in coded
    assert "J45.901" in billed(suggest, "Asthma flare since yesterday, not yet back to baseline despite albuterol.")
