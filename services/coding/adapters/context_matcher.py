"""ConText's token patterns, each tried only on a note that holds the words it cannot match without.

spaCy's Matcher starts every pattern at every token and calls a Python predicate for each set- or regex-valued
token of it: over medspaCy's sixty-odd pattern rules that was most of ConText's cost, where a note holds the words
of a handful. A pattern with a required token (no "?" or "*") whose words the note lacks cannot match, so it is not
tried; the others run as one matcher, built once per set of patterns and remembered (spaCy's Matcher walks the
note's tokens once for all its patterns, where a matcher per pattern walked them once each; building one without
validating the patterns again costs about one walk). ConText sorts its modifiers by (start, end) before pruning
overlaps, so their order only counts between two rules matching the same tokens: there the full matcher answers.
"""
from functools import lru_cache

from spacy.attrs import LOWER, ORTH
from spacy.matcher import Matcher

_REQUIRED = (None, "+")
_ATTRIBUTES = {"LOWER": "LOWER", "TEXT": "TEXT", "ORTH": "TEXT"}

Needed = tuple[tuple[str, frozenset[str]], ...]


def required_words(pattern: list[dict]) -> Needed:
    """(LOWER or TEXT, words) for each token the pattern must match: one of the words must be in the note."""
    needed = []
    for token in pattern:
        if token.get("OP") not in _REQUIRED:
            continue
        for attribute, read_as in _ATTRIBUTES.items():
            value = token.get(attribute)
            if isinstance(value, str):
                needed.append((read_as, frozenset({value})))
            elif isinstance(value, dict) and set(value) == {"IN"}:
                needed.append((read_as, frozenset(value["IN"])))
    return tuple(needed)


def may_match(needed: Needed, lower: set[str], text: set[str]) -> bool:
    return all(not words.isdisjoint(lower if attribute == "LOWER" else text) for attribute, words in needed)


class PrefilteredMatcher:
    """Called as the spaCy Matcher it stands for, with the same matches wherever ConText's order cannot differ."""

    def __init__(self, vocab, patterns: list[tuple[str, list[dict]]], full: Matcher):
        self._full = full
        self._vocab, self._patterns = vocab, patterns
        self._each, self._always = [], []
        # words as the string store's hashes, which the doc gives as one array without building its tokens
        self._by_word: dict[str, dict[int, list[int]]] = {"LOWER": {}, "TEXT": {}}
        hashed = vocab.strings.add
        for i, (rule_id, pattern) in enumerate(patterns):
            matcher = Matcher(vocab)
            matcher.add(rule_id, [pattern])
            needed = required_words(pattern)
            self._each.append((tuple((attribute, frozenset(map(hashed, words))) for attribute, words in needed),
                               matcher))
            if not needed:
                self._always.append(i)
                continue
            attribute, words = _trigger(needed)
            for word in words:
                self._by_word[attribute].setdefault(hashed(word), []).append(i)

    def __call__(self, doc) -> list[tuple[int, int, int]]:
        words = doc.to_array([LOWER, ORTH])
        lower, text = set(words[:, 0].tolist()), set(words[:, 1].tolist())
        candidates = set(self._always)
        for attribute, present in (("LOWER", lower), ("TEXT", text)):
            by_word = self._by_word[attribute]
            for word in present:
                candidates.update(by_word.get(word, ()))
        possible = tuple(i for i in sorted(candidates) if may_match(self._each[i][0], lower, text))
        if not possible:
            return []
        matches = self._matcher_of(possible)(doc)
        if len({(start, end) for _, start, end in matches}) < len(matches):
            return self._full(doc)
        return matches

    @lru_cache(maxsize=1024)  # noqa: B019 - one matcher per ConText, alive as long as the process
    def _matcher_of(self, patterns: tuple[int, ...]) -> Matcher:
        """One matcher for these patterns (their matches are the union of each one's: a match is a pattern's own)."""
        if len(patterns) == 1:
            return self._each[patterns[0]][1]
        matcher = Matcher(self._vocab, validate=False)  # each pattern was validated by its own matcher's add
        for i in patterns:
            rule_id, pattern = self._patterns[i]
            matcher.add(rule_id, [pattern])
        return matcher


def _trigger(needed: Needed) -> tuple[str, frozenset[str]]:
    """The requirement that admits the fewest notes, as far as its words tell: the fewest, then the longest."""
    return min(needed, key=lambda item: (len(item[1]), -min(len(word) for word in item[1])))


def prefilter_context_patterns(context) -> None:
    """Swaps the spaCy Matcher inside medspaCy's ConText (1.3) for the prefiltered one; left as it is where the
    matcher is not built as that version builds it, or does not prune overlaps (then the order would count)."""
    medspacy_matcher = getattr(context, "_ConText__matcher", None)
    full = getattr(medspacy_matcher, "_MedspacyMatcher__matcher", None)
    if not isinstance(full, Matcher) or not getattr(medspacy_matcher, "_prune", False) or any(
            rule.on_match is not None for rule in medspacy_matcher.rule_map.values()):
        return
    patterns = [(rule_id, rule.pattern) for rule_id, rule in medspacy_matcher.rule_map.items()
                if isinstance(rule.pattern, list)]
    medspacy_matcher._MedspacyMatcher__matcher = PrefilteredMatcher(context.nlp.vocab, patterns, full)
