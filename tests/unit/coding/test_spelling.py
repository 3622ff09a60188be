"""A long clinical word misspelt by one letter is read as the index word; real words and short ones are left."""
import pytest

from services.coding.domain.spelling import Respeller
from tests.unit.coding.test_suggestions import suggest  # noqa: F401 (fixture)

pytestmark = pytest.mark.unit
RESPELLER = Respeller(["pneumonia", "bronchitis", "cholecystitis", "gastroenteritis", "febrile", "ilium",
                       "cellulitis", "cellulite"], known=["ejection"])


@pytest.mark.parametrize("written, meant", [
    ("broncitis", "bronchitis"),  # a letter dropped
    ("cholecystitiss", "cholecystitis"),  # a letter added
    ("gastroenteretis", "gastroenteritis"),  # a letter changed
    ("pneuomnia", "pneumonia"),  # two letters swapped
])
def test_a_long_word_one_slip_from_an_index_word_is_read_as_it(written, meant):
    assert RESPELLER.correct(written) == meant


@pytest.mark.parametrize("written", [
    "afebrile",  # the first letter: another real word
    "bronchitiz",  # the last letter: an inflection or another word, not a slip
    "ileum",  # short words one letter apart are often both real
    "ejection",  # a word the tabular spells so
    "bronchiolitis",  # two letters from any index word
])
def test_a_real_word_a_short_one_or_an_ambiguous_one_is_left_as_written(written):
    assert RESPELLER.correct(written) == written


def test_a_slip_between_two_index_words_is_left_as_written():
    assert Respeller(["nephrosis", "nephritis"]).correct("nephrotis") == "nephrotis"


def test_a_misspelt_diagnosis_is_suggested_and_says_it_was_read_so(suggest):
    found = {s.code: s for s in suggest("Dx: acute brochitis, supportive care.")}
    assert "J20.9" in found and found["J20.9"].convention == "misspelt-term" and found["J20.9"].reason
