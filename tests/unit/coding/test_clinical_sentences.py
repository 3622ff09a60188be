"""The clinical sentence starts: after a sentence's final punctuation, and at a line break before a capital, a number
or a list marker; written to the doc in one array."""
import pytest
import spacy

from services.coding.adapters.note_suggester import _clinical_sentences, sentence_starts

pytestmark = pytest.mark.unit


def _starts(text: str) -> list[str]:
    doc = _clinical_sentences(spacy.blank("en").make_doc(text))
    return [sentence.text for sentence in doc.sents]


def test_a_full_stop_starts_the_next_sentence_and_an_abbreviation_kept_whole_does_not():
    assert _starts("Seen by Dr. Okafor today. Wheeze improved.") == ["Seen by Dr. Okafor today.", "Wheeze improved."]


def test_a_line_break_starts_a_sentence_before_a_capital_a_number_or_a_list_marker_only():
    assert _starts("Plan\nRecheck lipids\n2 wk follow-up\n- stop aspirin\nand ibuprofen") == [
        "Plan\n", "Recheck lipids\n", "2 wk follow-up\n", "- stop aspirin\nand ibuprofen"]


def test_a_sentence_may_end_inside_a_quotation():
    assert _starts('CC: "can\'t sleep." Onset in June.') == ['CC: "can\'t sleep."', "Onset in June."]


def test_punctuation_after_a_full_stop_stays_with_its_sentence():
    assert _starts("Knee pain... ? gout") == ["Knee pain... ?", "gout"]


def test_the_starts_are_spacys_sent_start_values():
    texts = ["Cough", ".", " ", "Fever", "\n", "chills"]
    assert sentence_starts(texts, [0, 0, 1, 0, 1, 0], [0, 1, 0, 0, 0, 0]) == [1, -1, -1, 1, -1, -1]
    assert sentence_starts([" ", "Rash"], [1, 0], [0, 0]) == [1, 1]


def test_an_empty_note_has_no_sentences():
    assert list(_clinical_sentences(spacy.blank("en").make_doc("")).sents) == []
