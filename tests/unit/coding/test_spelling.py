"""A long clinical word misspelt by one letter is read as the index word; real words and short ones are left."""
import pytest

from services.coding.domain.shorthand import Expanded
from services.coding.domain.spelling import Respeller, misspellings
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
    # a plain default entry ("bronchitis" J20.9) is also calibrated (held for a coder, or named as heading an entry
    # of its own, as here): the reading stays in its reason
    assert "J20.9" in found and found["J20.9"].convention in ("misspelt-term", "default-entry",
                                                              "default-entry-heads-its-entry")
    assert "misspelt-term" in found["J20.9"].reason


def test_misspellings_are_found_in_the_notes_case_and_folded_as_the_index_keys_words():
    respeller = Respeller(["pneumonia", "osteoarthritis", "infection"], known=["infectious"])
    text = "Community acquired Pnuemonia; OSTEOARTHIRITIS R knee. Hx recurrent infections."
    assert misspellings(text, respeller) == [(19, 28, "Pneumonia"), (30, 45, "OSTEOARTHRITIS")]


def test_a_rewritten_note_points_each_respelt_word_back_to_the_word_as_written():
    note = "pnuemonia RLL"
    expanded = Expanded(note, note, tuple(range(len(note))), tuple(range(1, len(note) + 1)))
    rewritten = expanded.rewritten([(0, 9, "pneumonia"), (10, 13, "right lower lobe")])
    assert rewritten.text == "pneumonia right lower lobe"
    assert rewritten.original_span(0, 9) == (0, 9) and rewritten.original_span(10, 26) == (10, 13)


def test_a_rule_finding_reads_a_misspelt_word_and_its_reason_says_so(suggest):
    found = {s.code: s for s in suggest("Dx: primary osteoarthiritis R knee. Steroid injection today.")}
    assert "M17.11" in found and found["M17.11"].confidence >= 0.9
    assert "osteoarthiritis" in found["M17.11"].evidence
    assert "misspelt-term" in found["M17.11"].reason
    assert "J18.9" in {s.code for s in suggest("Community acquired pnuemonia, CXR confirmed. Levofloxacin.")}
