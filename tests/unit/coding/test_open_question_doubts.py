"""A diagnosis the writer leaves as an open question ("question of ...") or as awaiting its proof ("..., to be
confirmed") is not coded (guideline IV.H); a sign beside it is. Sentences of our own wording."""
import pytest

from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, diagnosis", [
    ("Question of hypothyroidism - tired for two months, TSH drawn.", "E03"),
    ("A/P: 1. GERD - continue omeprazole. 2. Question of atrial fibrillation; event monitor.", "I48"),
    ("Type 2 diabetes, to be confirmed - repeat A1c in 3 mo.", "E11"),
    ("Osteoporosis not yet confirmed, DXA booked.", "M81"),
])
def test_an_open_question_or_a_diagnosis_awaiting_proof_is_not_billed(suggest, note, diagnosis):
    assert not any(code.startswith(diagnosis) for code in billed(suggest, note))


def test_the_sign_beside_the_open_question_is_billed(suggest):
    assert "R53.83" in billed(suggest, "Question of hypothyroidism - fatigue for two months, TSH drawn.")


@pytest.mark.parametrize("note, diagnosis", [
    ("Hypothyroidism confirmed, TSH 14; start levothyroxine.", "E03.9"),
    ("Atrial fibrillation on ECG today; the question of anticoagulation discussed, start apixaban.", "I48.91"),
])
def test_a_confirmed_diagnosis_or_a_question_about_its_treatment_is_billed(suggest, note, diagnosis):
    assert diagnosis in billed(suggest, note)
