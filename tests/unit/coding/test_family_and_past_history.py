"""A relative's heart told as an event, a relative named by a grandparent's abbreviation or with "lupus", a heart
malformation named by its abbreviation beside its repair, and a condition told to its end ("eradicated", "full ROM
since", "YEAR, pleurodesis, none since"): each is the family or personal history code, never the condition as the
patient's current one. A denial, another cause, a repair only planned or a condition still there are not."""
import pytest

from services.coding.domain.ended_history import ended_in_the_past
from services.coding.domain.note_context import mention_scope
from services.coding.domain.relative_heart_history import relative_heart_events
from services.coding.domain.shorthand_guards import relatives_lupus, repair_beside
from tests.unit.coding.test_ended_episode import _current
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


class _Titles:
    def description(self, code: str) -> str:
        return code


def _family_codes(note: str) -> set[str]:
    return {s.code for s in relative_heart_events([], note, _Titles())[0]}


@pytest.mark.parametrize("note, code", [
    ("Brother died suddenly at 42, autopsy unrevealing.", "Z82.41"),
    ("Her mother died suddenly of a cardiac arrest at 50.", "Z82.41"),
    ("Family history: father died suddenly.", "Z82.41"),
    ("Father CABG at 55.", "Z82.49"),
    ("Her brother had a heart attack at 49.", "Z82.49"),
    ("Maternal uncle w/ coronary stents.", "Z82.49"),
])
def test_a_relatives_sudden_death_or_heart_event_is_their_family_history(note, code):
    assert _family_codes(note) == {code}


@pytest.mark.parametrize("note", [
    "Father died suddenly in a car accident at 60.",
    "Mother died suddenly of a stroke.",
    "Father healthy, no heart attack.",
    "Had a heart attack in 2020, CABG x3.",
    "Husband died suddenly last year; grieving.",
    "Mother w/ carotid stent.",
])
def test_another_cause_a_denial_the_patient_or_a_spouse_is_not(note):
    assert _family_codes(note) == set()


@pytest.mark.parametrize("note, abbreviation, expected", [
    ("TOF s/p complete repair at 7 mo.", "TOF", True),
    ("PDA ligated in the NICU.", "PDA", True),
    ("ASD, surgically closed age 2.", "ASD", True),
    ("h/o repaired TOF, no restrictions.", "TOF", True),
    ("ASD, on guanfacine, ABA weekly.", "ASD", False),
    ("Behaviour worse after ASD diagnosis.", "ASD", False),
    ("PDA, ligation planned.", "PDA", False),
    ("Mid PDA 70% stenosis.", "PDA", False),
])
def test_a_heart_malformations_abbreviation_is_written_out_only_beside_its_repair(note, abbreviation, expected):
    start = note.index(abbreviation)
    assert repair_beside(note, start, start + len(abbreviation)) is expected


@pytest.mark.parametrize("note, expected", [
    ("FHx: sister with lupus; colon cancer in MGF.", True),
    ("Sister - lupus.", True),
    ("Lupus on hydroxychloroquine.", False),
    ("Lupus anticoagulant positive.", False),
    ("Mother with lupus nephritis.", False),
])
def test_lupus_is_the_systemic_disease_right_after_a_relative(note, expected):
    start = note.lower().index("lupus")
    assert relatives_lupus(note, start, start + 5) is expected


@pytest.mark.parametrize("note, condition", [
    ("H. pylori gastritis, eradicated 2021, breath test negative.", "gastritis"),
    ("Frozen L shoulder 2022, full ROM since.", "Frozen L shoulder"),
    ("Spontaneous R pneumothorax 2019, s/p VATS pleurodesis, none since.", "pneumothorax"),
])
def test_a_condition_told_to_its_end_is_over_and_past(note, condition):
    start = note.index(condition)
    scope = mention_scope(note, start, start + len(condition))
    assert not _current(note, condition)
    assert ended_in_the_past(scope.cue, note, start, start + len(condition))


@pytest.mark.parametrize("note, condition", [
    ("H. pylori gastritis, not eradicated, repeat quadruple therapy.", "gastritis"),
    ("Frozen R shoulder, still stiff, full ROM not yet back.", "Frozen R shoulder"),
    ("Spontaneous pneumothorax 2019, pleurodesis, recurred last week.", "pneumothorax"),
])
def test_one_not_eradicated_still_stiff_or_recurred_is_current(note, condition):
    assert _current(note, condition)


@pytest.mark.parametrize("note, history, current", [
    ("A/P: 1. HTN - continue lisinopril. 2. MGM - stroke.", "Z82.3", "I63.9"),
    ("PMH: TOF s/p complete repair at 7 mo, cardiology discharged her.", "Z87.74", "Q21.3"),
    ("Tetralogy of Fallot s/p complete repair at 7 mo.", "Z87.74", "Q21.3"),
    ("Frozen R shoulder 2021, full ROM since. L shoulder impingement, PT.", "Z87.39", "M75.01"),
    ("Sister w/ lupus. Hypothyroidism on levothyroxine.", "Z82.69", "M32.9"),
    ("Hypothyroidism on levothyroxine. Sister w/ Graves disease.", "Z83.49", "E05.00"),
    ("Spontaneous R pneumothorax 2019, s/p VATS pleurodesis, none since.", "Z87.09", "J93.11"),
])
def test_the_history_code_and_never_the_condition(suggest, note, history, current):
    codes = billed(suggest, note)
    assert history in codes
    assert current not in codes


def test_an_eradicated_h_pylori_gastritis_is_not_coded_current(suggest):
    codes = billed(suggest, "Endo consult. Primary hyperparathyroidism. H. pylori gastritis eradicated 2019, breath "
                            "test neg.")
    assert not {"K29.70", "B96.81"} & codes
