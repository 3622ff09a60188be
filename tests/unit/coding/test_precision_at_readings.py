"""Readings for a stroke the note places in the past, an arrest of a body function, and lung findings the index
reaches only through a less specific entry: exertional dyspnea, interstitial lung disease."""
import pytest

from services.coding.domain.lung_findings import LUNG_FINDINGS
from services.coding.domain.past_stroke_named import one_past_stroke
from services.coding.domain.suggestions import Suggestion
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


def _found(code: str, note: str, words: str, confidence: float = 0.88) -> Suggestion:
    start = note.index(words)
    return Suggestion(code=code, description="", confidence=confidence, start=start, end=start + len(words),
                      evidence=words, context="affirmed")


VASCULAR_NEUROLOGY = ("Vascular neurology visit. Seen 7 months after a right MCA ischemic stroke; left arm weakness "
                      "remains. Continues clopidogrel.")


def test_a_stroke_named_beside_its_sequela_is_the_same_past_stroke():
    found = [_found("I63.9", VASCULAR_NEUROLOGY, "ischemic stroke"),
             _found("I69.334", VASCULAR_NEUROLOGY, "left arm weakness", 0.94)]
    out, reasons = one_past_stroke(found, VASCULAR_NEUROLOGY, None)
    assert [(s.code, s.confidence < 0.88) for s in out] == [("I63.9", True), ("I69.334", False)] and reasons


def test_a_stroke_named_beside_its_history_code_is_the_same_past_stroke():
    note = "Stroke prevention clinic. Embolic stroke in 2021, fully recovered. BP at goal."
    found = [_found("I63.9", note, "Stroke"), _found("Z86.73", note, "Embolic stroke in 2021", 0.9)]
    assert [s.code for s in one_past_stroke(found, note, None)[0] if s.confidence >= 0.88] == ["Z86.73"]


@pytest.mark.parametrize("sentence", [
    "New right pontine infarct on today's MRI.",
    "Acute left PCA stroke, onset 3 hours ago.",
    "Recurrent ischemic stroke this morning with new aphasia.",
])
def test_a_new_stroke_beside_an_old_ones_deficit_stands(sentence):
    note = "Left hemiparesis from a 2019 stroke. " + sentence
    words = next(w for w in ("infarct", "stroke") if w in sentence)
    start = note.index(sentence) + sentence.index(words)
    new_stroke = Suggestion(code="I63.9", description="", confidence=0.94, start=start, end=start + len(words),
                            evidence=words, context="affirmed")
    found = [_found("I69.354", note, "Left hemiparesis", 0.94), new_stroke]
    assert "I63.9" in [s.code for s in one_past_stroke(found, note, None)[0] if s.confidence >= 0.88]


def test_a_stroke_with_nothing_placing_it_past_is_left_alone():
    note = "Ischemic stroke of the left MCA territory, admitted from clinic."
    found = [_found("I63.9", note, "Ischemic stroke")]
    assert one_past_stroke(found, note, None) == (found, [])


def _resolved(note: str):
    for pattern, _, resolve in LUNG_FINDINGS:
        for match in pattern.finditer(note):
            yield resolve(match, note)


@pytest.mark.parametrize("note", [
    "Two months of dyspnea on exertion climbing to her flat.",
    "He reports exertional dyspnea after a block.",
    "DOE since the winter, no orthopnea.",
    "Dyspnea with exercise, improving.",
])
def test_dyspnea_tied_to_exertion_is_a_specified_type(note):
    assert [r[0] for r in _resolved(note) if r] == ["R06.09"]


def test_shortness_of_breath_and_a_lower_case_doe_are_not_read_as_exertional_dyspnea():
    assert not [r for r in _resolved("Shortness of breath on exertion. Seen with Jane Doe.") if r]


@pytest.mark.parametrize("note", [
    "CT: fibrotic interstitial lung disease with basal reticulation.",
    "Problem list: ILD, on home oxygen at night.",
    "Interstitial lung disease, possibly from amiodarone; bronchoscopy planned.",
])
def test_interstitial_lung_disease_of_no_affirmed_type_is_j84_9(note):
    assert [r[0] for r in _resolved(note) if r] == ["J84.9"]


@pytest.mark.parametrize("note", [
    "ILD clinic. Seen for scleroderma lung.",
    "Interstitial lung disease from rheumatoid arthritis, on mycophenolate.",
    "ILD: idiopathic pulmonary fibrosis on nintedanib.",
])
def test_an_ild_service_or_an_affirmed_type_is_not_the_unspecified_code(note):
    assert not [r for r in _resolved(note) if r]


@pytest.mark.parametrize("note, code, not_code", [
    ("Breathing test ordered for dyspnea on exertion over the past month.", "R06.09", "R06.00"),
    ("Pulmonary follow-up. Interstitial lung disease, stable on serial CTs.", "J84.9", "J98.4"),
])
def test_the_suggester_bills_the_specified_lung_finding(suggest, note, code, not_code):
    codes = billed(suggest, note)
    assert code in codes and not_code not in codes


def test_the_suggester_does_not_bill_a_stroke_clinic_as_a_current_infarction(suggest):
    note = ("Post-stroke visit. 66F, right-handed, cardioembolic stroke in January with residual right "
            "hemiparesis. On apixaban.")
    assert not {c for c in {s.code for s in suggest(note) if s.confidence >= 0.88} if c.startswith("I63")}


@pytest.mark.parametrize("note", [
    "History: cardiac arrest (VF) in 2019, survived, ICD placed.",
    "EEG: rhythmic theta with behavioural arrest lasting 8 seconds.",
    "Brief respiratory arrest during the procedure, bag-mask ventilated.",
])
def test_an_arrest_of_a_body_function_is_not_a_legal_circumstance(suggest, note):
    assert "Z65.3" not in billed(suggest, note)


def test_an_arrest_by_the_police_stays_a_legal_circumstance():
    from services.coding.domain.bodily_arrest import bodily_arrest
    note = "Stress since his arrest last month; court date pending."
    found = [_found("Z65.3", note, "arrest", 0.94)]
    assert bodily_arrest(found, note, None) == (found, [])
