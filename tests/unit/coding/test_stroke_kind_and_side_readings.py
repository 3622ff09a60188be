"""A stroke's late effects by the kind of stroke, the side in the deficit's words, the stated dominant hand and the
dysphagia's type; the type of a focal epilepsy's seizures when hyphenated."""
import pytest

from services.coding.domain.documented_findings import documented_findings
from services.coding.domain.dysphagia_phase import PHASED_DYSPHAGIA, phase_code
from services.coding.domain.neurology_findings import epilepsy
from services.coding.domain.stroke_sequela import stroke_sequela
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, expected", [
    ("Weak right arm and leg (right hemiparesis) since an intracerebral hemorrhage in 2019.", "I69.151"),
    ("Expressive aphasia after a left thalamic intracerebral hemorrhage.", "I69.120"),
    ("Dysarthria, a late effect of her subarachnoid hemorrhage (2020).", "I69.022"),
    ("Global aphasia since an SAH three years ago.", "I69.020"),
    ("Left hemiplegia following a nontraumatic intraparenchymal hemorrhage.", "I69.154"),
])
def test_a_deficit_after_a_brain_bleed_is_in_the_category_of_that_bleed(tabular, note, expected):
    out, reasons = stroke_sequela([], note, tabular)
    assert codes(out) == [expected] and reasons


def test_a_traumatic_bleed_is_an_injury_not_a_stroke(tabular):
    note = "Aphasia after a traumatic subarachnoid hemorrhage in a car crash."
    assert codes(stroke_sequela([], note, tabular)[0]) == []


def test_the_bleed_named_as_the_cause_is_not_coded_as_current(tabular):
    note = "Memory deficit since his intracerebral hemorrhage."
    given = found(note, ("R41.3", "Memory deficit"), ("I61.9", "intracerebral hemorrhage"))
    out, _ = stroke_sequela(given, note, tabular)
    assert codes(out) == ["I69.111", "R41.3"]


@pytest.mark.parametrize("note, expected", [
    ("Left-sided weakness after her stroke; she is right-hand dominant.", "I69.354"),
    ("Right arm and leg weakness from a stroke last year; left-hand dominant.", "I69.353"),
    ("Left side weakness (hemiparesis) following a cerebral infarction; left-hand-dominant.", "I69.352"),
])
def test_one_side_s_weakness_is_hemiparesis_by_side_and_stated_dominance(tabular, note, expected):
    out, reasons = stroke_sequela([], note, tabular)
    assert codes(out) == [expected] and reasons


def test_generalized_weakness_read_on_one_side_s_weakness_gives_way(tabular):
    note = "Right-sided weakness after a stroke in May."
    out, _ = stroke_sequela(found(note, ("R53.1", "weakness")), note, tabular)
    assert codes(out) == ["I69.351"]


def test_a_short_sentence_between_the_stroke_and_its_residual_deficit(tabular):
    note = "Cerebellar stroke in March. Left-handed. Residual right hemiparesis, using a cane."
    assert codes(stroke_sequela([], note, tabular)[0]) == ["I69.353"]


@pytest.mark.parametrize("note, expected", [
    ("Facial droop left from a stroke in 2021.", "I69.392"),
    ("Memory impairment following his cerebral infarction.", "I69.311"),
])
def test_more_deficits_in_words(tabular, note, expected):
    assert codes(stroke_sequela([], note, tabular)[0]) == [expected]


@pytest.mark.parametrize("words, expected", [
    ("oropharyngeal dysphagia", "R13.12"), ("pharyngeal-phase dysphagia", "R13.13"),
    ("dysphagia, oral phase", "R13.11"), ("dysphagia in the pharyngoesophageal phase", "R13.14"),
])
def test_the_phase_of_a_dysphagia(words, expected):
    assert phase_code(PHASED_DYSPHAGIA.search(f"Has {words}.")) [0] == expected


def test_oral_dysphagia_without_phase_is_not_read():
    assert PHASED_DYSPHAGIA.search("Some oral dysphagia noted.") is None


def test_the_phase_the_index_left_unspecified(tabular):
    note = "Oropharyngeal dysphagia on videofluoroscopy."
    out, _ = documented_findings(found(note, ("R13.10", "dysphagia")), note, tabular)
    assert codes(out) == ["R13.12"]


def test_a_stroke_s_dysphagia_takes_its_type_as_the_additional_code(tabular):
    note = "Swallow study ordered. Reason: dysphagia, pharyngeal phase, after cerebral infarction."
    given = found(note, ("I69.391", "dysphagia, pharyngeal phase, after cerebral infarction"))
    out, reasons = stroke_sequela(given, note, tabular)
    assert codes(out) == ["I69.391", "R13.13"] and any("additional code" in r for r in reasons)


def test_the_dysphagia_code_found_is_named_as_the_partner_not_a_symptom(tabular):
    note = "Dysphagia since her stroke; thickened liquids."
    out, _ = stroke_sequela(found(note, ("R13.10", "Dysphagia")), note, tabular)
    partner = next(s for s in out if s.code == "R13.10")
    assert codes(out) == ["I69.391", "R13.10"] and partner.convention == "stroke-sequela"


@pytest.mark.parametrize("sentence, expected", [
    ("Focal epilepsy with impaired-awareness seizures, controlled, not intractable.", "G40.209"),
    ("Focal epilepsy with retained-awareness seizures only.", "G40.109"),
])
def test_a_hyphenated_awareness_names_the_focal_seizure_type(sentence, expected):
    match = __import__("re").search(r"epilepsy", sentence)
    assert epilepsy(match, sentence)[0] == expected
