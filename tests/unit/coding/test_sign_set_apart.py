"""A sign the note says a diagnosis beside it does not explain is coded as its own problem (guidelines I.B.6, IV.D);
one the note leaves to that diagnosis, denies or gives a relative stays out."""
import pytest

from services.coding.domain.sign_set_apart import not_set_apart, set_apart_from
from tests.unit.coding.test_note_readings import FRAMES, billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("text, code", [
    ("Hypothyroidism on levothyroxine, TSH 2.2. Low energy most days x 3 mo - not from the thyroid, CBC, ferritin.",
     "R53.83"),
    ("Hashimoto hypothyroidism, TSH at goal. Fatigue since spring; unrelated to his thyroid - sleep study.", "R53.83"),
    ("Hypothyroidism after thyroidectomy, TSH 1.4. Memory loss x 4 mo; thyroid not the cause - neuro consult.",
     "R41.3"),
])
def test_a_sign_the_note_sets_apart_from_the_thyroid_is_coded(suggest, frame, text, code):
    assert code in billed(suggest, frame.format(text))


@pytest.mark.parametrize("frame", FRAMES)
@pytest.mark.parametrize("text", [
    "Hypothyroidism, TSH 9.4. Fatigue from the underactive thyroid - raise levothyroxine.",
    "Hypothyroidism on levothyroxine. Fatigue not improved on the new dose - recheck TSH.",
    "Hypothyroidism on levothyroxine. No fatigue; not thyroid-related labs today.",
    "Hypothyroidism on levothyroxine. Her sister has fatigue, not thyroid-related.",
])
def test_a_sign_left_to_the_thyroid_denied_or_a_relatives_stays_out(suggest, frame, text):
    assert "R53.83" not in billed(suggest, frame.format(text))


def test_the_words_set_a_sign_apart_only_after_it_and_within_its_sentence():
    note = "Fatigue x 2 mo. Hypothyroidism stable, not thyroid-related symptoms discussed."
    assert not set_apart_from("E03.9", note, note.index(" x 2"))
    note = "Fatigue x 2 mo, not thyroid-related."
    assert set_apart_from("E03.9", note, note.index(" x 2"))
    assert not set_apart_from("D64.9", note, note.index(" x 2"))  # only the diagnosis the words name
    assert not_set_apart(["E03.9", "E11.9"], note, note.index(" x 2")) == ["E11.9"]
