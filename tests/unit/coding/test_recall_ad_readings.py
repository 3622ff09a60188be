"""Readings for codes missed at first sight on the pooled rounds' notes: an eponym written alone, alcoholism by
its index entry, and the status and long-term drug codes read through the whole suggester."""
import pytest

from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit
THRESHOLD = 0.9


def _coded(suggest, note: str) -> set[str]:
    return {s.code for s in suggest(note) if s.confidence >= THRESHOLD}


def test_an_eponym_written_alone_is_its_disease_for_the_patient_and_a_relative(suggest):
    assert "Z83.49" in _coded(suggest, "FHx: sister with Hashimoto's.")
    assert "E06.3" in _coded(suggest, "Hypothyroidism d/t Hashimoto's, on levothyroxine 100.")
    assert "E06.3" in _coded(suggest, "Hashimoto's thyroiditis, euthyroid on levothyroxine.")  # its noun written


def test_alcoholism_is_alcohol_dependence(suggest):
    assert "Z81.1" in _coded(suggest, "Family hx: father with alcoholism.")
    # the patient's own is the category's default entry, which goes to a coder as every default entry does
    assert "F10.20" in {s.code for s in suggest("Alcoholism, drinking daily; referred to IOP.")}


def test_an_absent_breast_by_its_side_and_a_replaced_joint_with_its_aftercare(suggest):
    assert "Z90.12" in _coded(suggest, "Hx breast cancer s/p L mastectomy 2015, no recurrence.")
    assert {"Z47.1", "Z96.652"} <= _coded(suggest, "6 wk post op visit s/p L total knee arthroplasy for primary OA.")


def test_a_word_written_as_one_is_the_tabulars_hyphenated_word(suggest):
    assert "F43.12" in _coded(suggest, "Client with posttraumatic stress disorder, chronic, after deployment.")
