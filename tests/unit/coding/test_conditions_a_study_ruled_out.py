"""A condition a study or the clinician has ruled out is never suggested as current, at any confidence: the verdict
may stand right before it ("CXR ruled out pneumonia") or after it in shorthand ("MI r/o'd"). The same condition
that a study confirms, or that is still being ruled out, keeps its own reading."""
import pytest

from services.coding.domain.note_text import ruled_out_before
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, category", [
    ("A/P: 1. Chest film ruled out pneumonia - cough for 5 days.", "J18"),
    ("A/P: 1. HTN - continue lisinopril. 2. Chest film ruled out pneumonia - cough for 5 days.", "J18"),
    ("Serial troponins excluded an MI; pain reproducible on palpation.", "I21"),
    ("Cardiology: sharp chest pain, MI r/o'd with three negative troponins.", "I21"),
    ("A/P: 1. HTN - continue amlodipine. 2. NSTEMI r/o'd, troponins flat.", "I21"),
])
def test_a_condition_a_verdict_rules_out_is_not_suggested(suggest, note, category):
    assert [s.code for s in suggest(note) if s.code.startswith(category)] == []


@pytest.mark.parametrize("note, coded", [
    ("A/P: 1. CXR shows RLL pneumonia - start amoxicillin.", "J18.9"),
    ("A/P: 1. HTN - continue lisinopril. 2. CXR shows RLL pneumonia - start amoxicillin.", "J18.9"),
    ("NSTEMI - troponin rising, cath lab in the morning.", "I21.4"),
    ("Flu swab positive - influenza A, oseltamivir started.", "J10.1"),
])
def test_a_condition_the_study_confirms_is_still_coded(suggest, note, coded):
    assert coded in {s.code for s in suggest(note) if s.confidence >= 0.90}


@pytest.mark.parametrize("prefix, ruled_out", [
    ("CXR ruled out ", True),
    ("Duplex excluded a ", True),
    ("Troponins ruled out for an acute ", True),
    # a doubt, or a work-up's aim, is not a verdict
    ("Pneumonia cannot be ruled out; ", False),
    ("PE not excluded, ", False),
    ("Needs to be ruled out: ", False),
    # a verdict on an earlier condition does not reach one named further on
    ("PE excluded on CTA, but the film shows a right lower lobe ", False),
])
def test_a_verdict_denies_only_the_condition_right_after_it(prefix, ruled_out):
    assert ruled_out_before(prefix) is ruled_out
