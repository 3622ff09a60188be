"""Readings for the peripheral vertigo disorders by ear, with the dizziness and nausea they are made of, and for
low back pain with sciatica as one code by side."""
import pytest

from services.coding.domain.lumbago_with_sciatica import lumbago_with_sciatica
from services.coding.domain.suggestions import Suggestion
from tests.unit.coding.test_note_readings import billed
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("note, code", [
    ("Impression: BPPV affecting the right ear; canalith repositioning today.", "H81.11"),
    ("Benign paroxysmal positional vertigo, left side, posterior canal.", "H81.12"),
    ("Known benign positional vertigo, no ear stated; home Brandt-Daroff exercises.", "H81.10"),
    ("Assessment: Meniere disease of the left ear, low-salt diet advised.", "H81.02"),
    ("Meniere's syndrome in both ears, on betahistine.", "H81.03"),
    ("Dx: vestibular neuronitis, right.", "H81.21"),
    ("Acute left vestibular neuritis after a viral illness.", "H81.22"),
])
def test_a_vertigo_disorder_is_coded_by_its_name_and_ear(suggest, note, code):
    assert code in billed(suggest, note)


@pytest.mark.parametrize("note", [
    "Room-spinning dizziness when she turns in bed. Dix-Hallpike positive on the left: BPPV, left ear.",
    "Spinning vertigo with vomiting for three days. A: vestibular neuritis, right.",
    "Episodes of vertigo and nausea lasting hours. Meniere's disease, right ear, confirmed by audiogram.",
    "Problems:\n1. Dizziness - from BPPV of the right posterior canal, Epley performed.",
])
def test_the_dizziness_and_nausea_of_a_vertigo_disorder_are_not_coded_beside_it(suggest, note):
    codes = billed(suggest, note)
    assert any(c.startswith("H81") for c in codes)
    assert not any(c.startswith(("R42", "R11")) for c in codes)


@pytest.mark.parametrize("note", [
    "Vertigo for a week, cause unclear; possible vestibular neuritis versus migraine.",
    "Lightheaded on standing; no spinning.",
])
def test_vertigo_without_a_confirmed_disorder_stays_the_symptom(suggest, note):
    codes = billed(suggest, note)
    assert "R42" in codes and not any(c.startswith("H81") for c in codes)


def test_a_past_or_denied_vertigo_disorder_is_not_coded(suggest):
    assert not any(c.startswith("H81") for c in billed(suggest, "No vertigo today. BPPV in 2018, resolved with Epley."))


@pytest.mark.parametrize("note, code", [
    ("Low back pain with sciatica down the right leg for a month.", "M54.41"),
    ("Lumbago with left-sided sciatica since gardening, no trauma.", "M54.42"),
    ("Low back pain for two weeks. Since Monday it radiates down the back of the left thigh: sciatica.", "M54.42"),
    ("Problem list:\n1. Low back pain - chronic, PT.\n2. Sciatica - right, gabapentin started.", "M54.41"),
])
def test_low_back_pain_and_sciatica_are_one_code_by_side(suggest, note, code):
    codes = billed(suggest, note)
    assert code in codes
    assert not any(c.startswith(("M54.3", "M54.5")) for c in codes)


def test_sciatica_with_no_low_back_pain_stays_sciatica(suggest):
    codes = billed(suggest, "Sciatica of the right leg after a long drive; back itself not painful.")
    assert "M54.31" in codes and not any(c.startswith("M54.4") for c in codes)


def _found(code: str, note: str, words: str, context: str = "affirmed") -> Suggestion:
    start = note.index(words)
    return Suggestion(code=code, description="", confidence=0.94, start=start, end=start + len(words),
                      evidence=words, context=context)


class _Tabular:
    @staticmethod
    def description(code: str) -> str:
        return code


def test_sciatica_on_both_sides_or_a_past_back_pain_is_left_as_written():
    note = "Low back pain; sciatica in the right and the left leg."
    both = [_found("M54.50", note, "Low back pain"), _found("M54.31", note, "sciatica"),
            _found("M54.32", note, "sciatica")]
    assert lumbago_with_sciatica(both, note, _Tabular())[0] == both
    past = "Low back pain in 2015, resolved. Sciatica on the left this month."
    found = [_found("M54.50", past, "Low back pain", "history"), _found("M54.32", past, "Sciatica")]
    assert lumbago_with_sciatica(found, past, _Tabular())[0] == found


def test_the_combination_keeps_the_less_confident_part():
    note = "Low back pain. Sciatica, right."
    found = [_found("M54.50", note, "Low back pain").model_copy(update={"confidence": 0.88}),
             _found("M54.31", note, "Sciatica")]
    out, reasons = lumbago_with_sciatica(found, note, _Tabular())
    assert [(s.code, s.confidence) for s in out] == [("M54.41", 0.88)] and reasons
