"""ConText's token patterns tried only where their words are: the same matches as spaCy's full Matcher."""
import pytest

from services.coding.adapters.context_matcher import PrefilteredMatcher, may_match, required_words

pytestmark = pytest.mark.unit

_PATTERNS = [
    ("ruled-out", [{"LOWER": {"IN": ["may", "might"]}, "OP": "?"}, {"LOWER": "be"}, {"LOWER": "ruled"},
                   {"LOWER": "out"}]),
    ("denial", [{"LOWER": {"IN": ["deny", "denies"]}}]),
    ("dated-history", [{"LOWER": "history"}, {"TEXT": {"REGEX": r"^(19|20)\d\d$"}}]),
    ("new-clause", [{"TEXT": ","}, {"LOWER": "she"}]),
    ("a-number", [{"IS_DIGIT": True}, {"LOWER": "mg", "OP": "*"}]),
]
_SAME_TOKENS_AS_DENIAL = ("denies-alone", [{"LOWER": "denies"}])


class _NotCalled:
    def __call__(self, doc):
        raise AssertionError("the full matcher answered")


def test_a_required_token_names_its_words_and_an_optional_one_names_none():
    assert required_words(_PATTERNS[0][1]) == (("LOWER", frozenset({"be"})), ("LOWER", frozenset({"ruled"})),
                                               ("LOWER", frozenset({"out"})))
    assert required_words(_PATTERNS[3][1]) == (("TEXT", frozenset({","})), ("LOWER", frozenset({"she"})))
    assert required_words(_PATTERNS[4][1]) == ()


def test_a_pattern_may_match_only_where_every_required_token_has_one_of_its_words():
    needed = required_words(_PATTERNS[0][1])
    assert may_match(needed, {"pneumonia", "may", "be", "ruled", "out"}, set())
    assert not may_match(needed, {"pneumonia", "ruled", "out", "by", "x-ray"}, set())
    assert may_match((), set(), set())


@pytest.fixture(scope="module")
def nlp():
    import spacy

    return spacy.blank("en")


def _full_matcher(nlp, patterns):
    from spacy.matcher import Matcher

    full = Matcher(nlp.vocab)
    for rule_id, pattern in patterns:
        full.add(rule_id, [pattern])
    return full


def _by_place(matches):
    return sorted(matches, key=lambda m: (m[1], m[2]))


@pytest.mark.parametrize("sentence", [
    "Pulmonary embolism may be ruled out by the scan, she reports no chest pain.",
    "History 2019 of a kidney stone; denies flank pain now.",
    "Metformin 500 mg twice daily, she takes it with food.",
    "Migraine without aura, stable on the current dose.",
    "",
])
def test_the_prefiltered_matches_are_the_full_matchers_once_sorted(nlp, sentence):
    doc = nlp(sentence)
    prefiltered = PrefilteredMatcher(nlp.vocab, _PATTERNS, _NotCalled())
    assert _by_place(prefiltered(doc)) == _by_place(_full_matcher(nlp, _PATTERNS)(doc))


def test_two_rules_on_the_same_tokens_are_answered_by_the_full_matcher_in_its_order(nlp):
    patterns = [*_PATTERNS, _SAME_TOKENS_AS_DENIAL]
    doc = nlp("Patient denies dysuria.")
    full = _full_matcher(nlp, patterns)
    assert PrefilteredMatcher(nlp.vocab, patterns, full)(doc) == full(doc)


def test_a_pattern_without_its_words_is_not_tried_and_one_without_required_words_always_is(nlp):
    doc = nlp("Type 2 diabetes, on metformin.")
    found = PrefilteredMatcher(nlp.vocab, _PATTERNS, _NotCalled())(doc)
    assert [(nlp.vocab.strings[key], start, end) for key, start, end in found] == [("a-number", 1, 2)]
