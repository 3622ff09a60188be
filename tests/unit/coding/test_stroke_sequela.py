"""A deficit the note attributes to a past cerebral infarction is I69.3-, the deficit's code beside it."""
import pytest

from services.coding.domain.stroke_sequela import stroke_sequela
from tests.unit.coding.test_conventions import codes, found, tabular  # noqa: F401 (fixture)
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, deficit, expected", [
    ("Dysphagia, residual deficit from her old stroke.", ("R13.10", "Dysphagia"), "I69.391"),
    ("Facial weakness as a sequela of cerebral infarction.", ("R29.810", "Facial weakness"), "I69.392"),
    ("Dysarthria since a stroke in 2022.", ("R47.1", "Dysarthria"), "I69.322"),
])
def test_a_deficit_of_a_past_stroke_is_its_sequela_code(tabular, note, deficit, expected):
    out, reasons = stroke_sequela(found(note, deficit), note, tabular)
    assert codes(out) == sorted([deficit[0], expected]) and reasons


def test_the_acute_infarction_code_on_the_cause_is_dropped(tabular):
    note = "Dysphagia as a late effect of cerebral infarction."
    out, _ = stroke_sequela(found(note, ("R13.10", "Dysphagia"), ("I63.9", "cerebral infarction")), note, tabular)
    assert codes(out) == ["I69.391", "R13.10"]


@pytest.mark.parametrize("note", ["Dysphagia. No history of stroke.", "Dysphagia; mother had dysphagia after a stroke.",
                                  "Dysphagia, worse this week. Stroke risk discussed."])
def test_no_past_stroke_as_the_cause_no_sequela(tabular, note):
    out, _ = stroke_sequela(found(note, ("R13.10", "Dysphagia")), note, tabular)
    assert codes(out) == ["R13.10"]


@pytest.mark.parametrize("note, expected", [
    ("Left hemiparesis from a right MCA infarct; right-handed.", "I69.354"),
    ("Left hemiparesis since a stroke in 2020; left-handed.", "I69.352"),
    ("Right hemiplegia following her stroke.", "I69.351"),
    ("Right hemiparesis after a left thalamic infarct; L-handed.", "I69.353"),
    ("Hemiparesis residual from a stroke.", "I69.359"),
    ("Hemiparesis of the right side since a stroke; ambidextrous.", "I69.351"),
    ("Global aphasia residual from an old stroke.", "I69.320"),
])
def test_a_deficit_named_in_words_the_index_misses_and_hemiparesis_by_dominance(tabular, note, expected):
    out, reasons = stroke_sequela([], note, tabular)
    assert codes(out) == [expected] and reasons


def test_a_deficit_the_sentence_denies_is_not_a_sequela(tabular):
    note = "Since her stroke, no aphasia or dysarthria and no hemiparesis; mild dysphagia."
    out, _ = stroke_sequela(found(note, ("R13.10", "dysphagia")), note, tabular)
    assert codes(out) == ["R13.10"]


def test_a_stroke_with_a_residual_deficit_written_after_it_is_its_sequela(tabular):
    note = "h/o left MCA ischemic stroke 2022 with residual right hemiparesis; pt is right-handed."
    given = found(note, ("Z86.73", "stroke"), context="history")
    out, reasons = stroke_sequela(given, note, tabular)
    assert codes(out) == ["I69.351"] and reasons  # Z86.73 is "without residual deficits"


@pytest.mark.parametrize("note, deficit", [
    ("Expressive aphasia from that stroke has resolved.", None),
    ("Dysphagia after her stroke, resolved with therapy.", ("R13.10", "Dysphagia")),
    # only watched or warned for
    ("Monitor for left hemiparesis after the recent lacunar infarct.", None),
    ("Counsel family on signs of dysarthria following a cerebral infarction.", None),
])
def test_a_deficit_the_note_says_is_gone_is_not_a_sequela(tabular, note, deficit):
    out, _ = stroke_sequela(found(note, deficit) if deficit else [], note, tabular)
    assert not any(s.code.startswith("I69") for s in out)


def test_a_deficit_stated_beside_a_warning_for_another_is_still_a_sequela(tabular):
    note = "Residual right hemiparesis after her 2021 stroke; fall precautions reviewed."
    out, _ = stroke_sequela([], note, tabular)
    assert any(s.code.startswith("I69.35") for s in out)

def test_a_stroke_with_its_residual_named_after_it_is_a_sequela_not_a_history_without_deficits(tabular):
    note = "Hx of CVA 2022 with residual left hemiparesis (right-handed)."
    out, reasons = stroke_sequela(found(note, ("Z86.73", "CVA")), note, tabular)
    assert codes(out) == ["I69.354"] and reasons


@pytest.mark.parametrize("note, expected", [
    ("TIA 3 wks ago (transient R arm weakness). Carotid US: L ICA stenosis.", {"Z86.73", "I65.22"}),
    ("Ischemic stroke 2022, no residual deficits.", {"Z86.73"}),
    ("CVA 2022 w/ residual L hemiparesis.", {"I69.354"}),  # a deficit left: the sequela, not Z86.73
    ("TIA 2 days ago, here for workup.", {"G45.9"}),  # days: perhaps its first evaluation, left as found
    ("TIA today, sent to the ED.", {"G45.9"}),
])
def test_a_tia_or_stroke_dated_weeks_or_more_before_the_visit_is_its_history(suggest, note, expected):
    found = {s.code: s for s in suggest(note)}
    assert set(found) == expected
    if "Z86.73" in found:
        assert found["Z86.73"].convention == "past-cerebrovascular-event" and found["Z86.73"].confidence >= 0.9


@pytest.mark.parametrize("note, expected", [
    # the stroke's side, territory and type between "after" and "stroke"
    ("Residual right hemiparesis after her left MCA ischemic stroke in 2023; right-handed.", "I69.351"),
    ("Aphasia after his old left MCA embolic stroke.", "I69.320"),
    ("Dysarthria following a right PCA territory infarct.", "I69.322"),
    # a hemorrhagic stroke is, by the index, an intracerebral hemorrhage: I69.1-
    ("Right hemiparesis after a hemorrhagic stroke (ICH) last year; right-handed.", "I69.151"),
    ("Left hemiplegia following her hemorrhagic CVA; right-handed.", "I69.154"),
])
def test_the_stroke_named_with_its_side_territory_and_type(tabular, note, expected):
    out, reasons = stroke_sequela([], note, tabular)
    assert expected in codes(out) and reasons
    assert not any(c.startswith("I69.3") for c in codes(out)) or expected.startswith("I69.3")


@pytest.mark.parametrize("note", ["Right hemiparesis after a myocardial infarction last year.",
                                  "Left hemiparesis; no history of hemorrhagic stroke."])
def test_no_stroke_named_as_the_cause_is_no_sequela(tabular, note):
    out, _ = stroke_sequela([], note, tabular)
    assert not any(c.startswith("I69") for c in codes(out))
