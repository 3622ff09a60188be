"""Unspecified codes reached through an index entry other than their description go to a coder."""
import pytest

from services.coding.domain.first_sight import NAME, calibrated
from services.coding.domain.note_terms import CONFIDENCE
from services.coding.domain.suggestions import Suggestion

pytestmark = pytest.mark.unit
THRESHOLD = 0.9
PTSD = ("F43.10", "Post-traumatic stress disorder, unspecified")


def suggestion(confidence: float, code=PTSD, *, context: str = "affirmed", convention: str | None = None):
    return Suggestion(code=code[0], description=code[1], confidence=confidence, start=0, end=4, evidence="PTSD",
                      context=context, convention=convention)


@pytest.mark.parametrize("kind", ["inclusion", "default"])
def test_an_unspecified_code_from_an_inclusion_term_or_a_term_without_qualifiers_goes_to_a_coder(kind):
    [found] = calibrated([suggestion(CONFIDENCE[kind])])
    assert found.confidence < THRESHOLD and found.convention == NAME and "more specific" in found.reason


def test_a_specific_code_from_an_inclusion_term_keeps_its_confidence():
    htn = suggestion(CONFIDENCE["inclusion"], ("I10", "Essential (primary) hypertension"))
    assert calibrated([htn]) == [htn]


def test_an_unspecified_code_matched_by_its_own_description_keeps_its_confidence():
    own = suggestion(CONFIDENCE["description"])
    assert calibrated([own]) == [own]


def test_a_convention_s_code_or_a_family_or_history_reading_is_left_alone():
    kept = [suggestion(CONFIDENCE["inclusion"], convention="same-condition"),
            suggestion(CONFIDENCE["inclusion"], context="history")]
    assert calibrated(kept) == kept


def test_a_confidence_is_never_raised():
    low = suggestion(0.55)
    assert calibrated([low]) == [low]


def test_on_the_real_index_chronic_ptsd_is_not_auto_coded_as_unspecified(suggest):
    found = {s.code: s for s in suggest("Chronic PTSD after an assault in 2019; nightmares improving.")}
    assert "F43.10" not in found or found["F43.10"].confidence < THRESHOLD


@pytest.fixture(scope="module")
def suggest(reference, tmp_path_factory):
    from services.coding.adapters.note_suggester import build_suggester
    return build_suggester(reference, index_dir=tmp_path_factory.mktemp("index"))
