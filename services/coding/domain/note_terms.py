"""Text keys for ICD-10-CM terms: how a description, an inclusion term or a phrase of a note is normalised so
that they meet, and how much a match is worth.

A key is the lower-case word sequence without nonessential modifiers in parentheses, without "of/the/a/an",
with plurals and possessives folded. Besides the full description, a "default" variant drops the qualifiers that mark the
unspecified or uncomplicated code ("unspecified", "without complications", "NOS"), so "type 2 diabetes"
in a note meets E11.9 and "asthma" meets J45.909, as the ICD-10-CM index sends those terms.
"""
import re
from dataclasses import dataclass

from services.coding.domain.suggestions import Suggestion

_WORD = re.compile(r"[a-z0-9]+")
# the nonessential modifiers, and the tabular's square brackets: a synonym or an abbreviation of the words before them
# ("Heterozygous familial hypercholesterolemia [HeFH]", "Exanthema subitum [sixth disease]"), which notes leave out
PARENTHESES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_QUALIFIERS = re.compile(r",?\s*\b(unspecified|without complications?|uncomplicated|site not specified|not otherwise specified|nos)\b",
                         re.IGNORECASE)
# the index sends a laceration or a puncture wound the note does not say holds a foreign body to the code "without
# foreign body" ("Laceration, scalp S01.01-"): those words are its default, as "unspecified" is another code's
_WITHOUT_FOREIGN_BODY = re.compile(r"\s+without foreign body\b", re.IGNORECASE)
STOPWORDS = frozenset({"of", "the", "a", "an"})
# the tabular's words for how codes relate, not for what they name
CLASSIFICATION_WORDS = frozenset({"other", "specified", "unspecified", "with", "without", "due", "to", "and", "or",
                                  "in", "not", "elsewhere", "classified", "nos", "nec", "type"})
OPTIONAL = frozenset({"mellitus"})  # "diabetes" is written without it far more often than with it
CONFIDENCE = {"description": 0.97, "inclusion": 0.94, "reordered": 0.93, "modifier-first": 0.93, "default": 0.92}
AMBIGUOUS_CONFIDENCE = 0.55
SHORT_TERM_CONFIDENCE = 0.6  # one short word ("acne", "gout"): too often something else
UNDER_SPECIFIED_CONFIDENCE = 0.7
_LATERALITY = re.compile(r"\b(left|right|bilateral|both)\b", re.IGNORECASE)
# "Pain in unspecified shoulder", "Otitis media, unspecified, unspecified ear": the side is what is unspecified
# ("Edema, unspecified" or "Unspecified conjunctivitis" have no side to choose).
SIDE_UNSPECIFIED = re.compile(r"\bunspecified (side|ear|eye|knee|shoulder|hip|hand|foot|ankle|wrist|elbow|arm|leg|"
                              r"limb|upper limb|lower limb|part of limb|finger|toe|thigh|lower leg|forearm|"
                              r"upper arm|breast|kidney|lung|ovary|fallopian tube|orbit|eyelid|lacrimal|"
                              r"great toe|lesser toe|thumb|ankle and foot|femur|humerus|radius|ulna|tibia|"
                              r"fibula|clavicle|scapula|radial styloid|ulna styloid|achilles tendon|quadriceps|patella|"
                              r"ulnohumeral joint|acromioclavicular joint)\b", re.IGNORECASE)


def _fold(word: str) -> str:
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "is", "us")):
        return word[:-1]
    return word


def words(text: str) -> list[str]:
    """The possessive of an eponym is dropped: "Alzheimer's disease" and "Alzheimer disease" (the style most
    current writing uses) are one term."""
    return [_fold(w) for w in _WORD.findall(_POSSESSIVE.sub("", text.lower())) if w not in STOPWORDS]


def key(text: str) -> str:
    return " ".join(words(text))


def variants(text: str, kind: str, reorder: bool = True) -> list[tuple[str, str]]:
    """(key, kind) pairs for one description or inclusion term; `reorder` adds its site-first key."""
    base = PARENTHESES.sub(" ", text)
    found = [(key(base), kind)]
    base = _WITHOUT_FOREIGN_BODY.sub("", base)
    stripped = key(_QUALIFIERS.sub(" ", base))
    if stripped and stripped != found[0][0]:
        found.append((stripped, "default"))
    reordered = _REORDERABLE.match(_QUALIFIERS.sub(" ", base).strip())
    if reorder and reordered and len(key(reordered["tail"]).split()) <= 2 \
            and not CLASSIFICATION_WORDS.intersection(key(reordered["head"]).split()):
        found.append((key(f"{reordered['tail']} {reordered['head']}"), REORDERED))
    modified = _MODIFIER_AFTER.match(_QUALIFIERS.sub(" ", base).strip())
    if reorder and modified and not CLASSIFICATION_WORDS.intersection(key(modified["modifier"]).split()):
        found.append((key(f"{modified['modifier']} {modified['head']}"), MODIFIER_FIRST))
    for k, variant_kind in list(found):
        reduced = " ".join(w for w in k.split() if w not in OPTIONAL)
        if reduced and reduced != k:
            found.append((reduced, variant_kind))
    return [(k, variant_kind) for k, variant_kind in found if k and not k.isdigit()]


# "Stone in kidney", "Calculus of kidney", "Impingement syndrome of left shoulder": notes put the site first
# ("kidney stone", "left shoulder impingement syndrome"), as English compounds do. Only a plain "<head> of|in
# <site>" of up to three and two words: a term with a comma or a second preposition reads otherwise reversed.
# Not a factor code's text (Z00-Z99: "Change of job", "Family history of ..."), which names a circumstance, not a
# condition at a site, and whose words reversed run into the next phrase of a note.
# "Alcohol use disorder, severe", "Hyperparathyroidism, primary": the index's main term before its modifier, which
# notes write first ("severe alcohol use disorder"). One modifier word after the only comma of a term of up to
# four words.
_MODIFIER_AFTER = re.compile(r"^(?P<head>[a-z'-]+(?: [a-z'-]+){0,3}), (?P<modifier>[a-z'-]+)$", re.IGNORECASE)
_REORDERABLE = re.compile(r"^(?P<head>[a-z'-]+(?: [a-z'-]+){0,2}) (?:of|in) (?P<tail>[a-z'-]+(?: [a-z'-]+)?)$",
                          re.IGNORECASE)
# a time word after a comma ("Recent MI, old LBBB") is the next name's when a word follows it: not the term's
# modifier ("Infarct, myocardial, old" would read the LBBB's "old" for the MI)
TIME_WORDS = frozenset({"old", "new", "recent", "remote", "healed", "prior", "previous", "former"})


def time_word_of_the_next_name(qualifier: list[str], following: str) -> bool:
    """The qualifier after a comma is a time word standing before another word: that word's, not the term's."""
    return len(qualifier) == 1 and qualifier[0] in TIME_WORDS and bool(following)


REORDERED = "reordered"
MODIFIER_FIRST = "modifier-first"


@dataclass(frozen=True)
class TermMatch:
    code: str
    description: str
    confidence: float
    kind: str = "description"


INVERTED_TERM = "inverted-term"
INVERTED_TERM_REASON = ("the qualifier written after a comma is part of the term (\"Hyperparathyroidism, primary\" "
                        "is primary hyperparathyroidism), as the index writes its modifiers")


def qualified_keys(head: list[str], qualifier: list[str]) -> list[str]:
    """The keys a term and the qualifier written after it may form as one term: the qualifier at each place in
    the term ("acute recurrent maxillary sinusitis"), or after "with" ("Alzheimer disease with late onset")."""
    return [" ".join([*head[:i], *qualifier, *head[i:]]) for i in range(len(head) + 1)] + [
        " ".join([*head, "with", *qualifier])]


def less_specific_than_documented(match: TermMatch, sentence: str) -> float:
    """An unspecified-side code where the sentence documents a side is a specificity question for a coder."""
    if SIDE_UNSPECIFIED.search(match.description) and _LATERALITY.search(sentence):
        return min(match.confidence, UNDER_SPECIFIED_CONFIDENCE)
    return match.confidence


def best_match(candidates: list[tuple[str, str, str]], term_key: str) -> TermMatch:
    """candidates: (code, description, kind) sharing one key. Several codes at the best kind: ambiguous."""
    rank = sorted(candidates, key=lambda c: -CONFIDENCE[c[2]])
    top = [c for c in rank if CONFIDENCE[c[2]] == CONFIDENCE[rank[0][2]]]
    code, description, kind = min(top, key=lambda c: (len(c[0]), c[0]))
    confidence = CONFIDENCE[kind] if len({c[0] for c in top}) == 1 else AMBIGUOUS_CONFIDENCE
    if " " not in term_key and len(term_key) <= 4:
        confidence = min(confidence, SHORT_TERM_CONFIDENCE)
    return TermMatch(code, description, confidence, kind)


def for_a_coder(s: Suggestion, convention: str, reason: str) -> Suggestion:
    """The suggestion kept, but below the auto-accept threshold, with the rule that held it and why."""
    return s.model_copy(update={"confidence": min(s.confidence, UNDER_SPECIFIED_CONFIDENCE), "convention": convention,
                                "reason": reason})
