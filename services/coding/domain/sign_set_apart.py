"""A sign the note sets apart from a diagnosis beside it ("3. Fatigue - not thyroid-related, sleep study", "memory
loss x 3 mo; thyroid not the cause per labs"): the provider has weighed the diagnosis and says it does not explain
the sign, so the sign is neither part of it (guideline I.B.5) nor explained by it, and is coded as its own problem
(I.B.6, IV.D).

Read only in the words after the sign up to the end of its sentence (semicolons and dashes included), and only
where those words name the diagnosis's organ as what the sign is not from; "fatigue, thyroid-related" or "fatigue
not improved on the higher dose" set nothing apart. Each row names a diagnosis by the words a note uses for it.
"""
import re

from services.coding.domain.note_text import sentence_end
from services.coding.domain.pattern_literals import may_match, required_literals

_OWNER_WORDS = (
    # an underactive thyroid, a Hashimoto thyroiditis, a thyroid's postprocedural failure
    (("E03", "E06.3", "E89.0"), r"thyroid(?:[- ]related)?"),
)
_DETERMINER = r"(?:(?:the|her|his|their)\s+)?"


def _set_apart(owner: str) -> re.Pattern:
    return re.compile(
        r"\b(?:not\s+(?:(?:from|due\s+to|related\s+to|caused\s+by|explained\s+by|attributable\s+to)\s+)?"
        + _DETERMINER + owner + r"|unrelated\s+to\s+" + _DETERMINER + owner
        + r"|" + owner + r"\s+(?:is\s+)?not\s+(?:the\s+)?(?:cause|explanation|reason)\b)", re.IGNORECASE)


_ROWS = tuple((codes, pattern, required_literals(pattern))
              for codes, pattern in ((codes, _set_apart(words)) for codes, words in _OWNER_WORDS))


def set_apart_from(diagnosis: str, note: str, end: int) -> bool:
    """The words after the sign ending at note[end] say the diagnosis does not explain it."""
    for codes, pattern, required in _ROWS:
        if diagnosis.startswith(codes) and may_match(required, note):
            return pattern.search(note, end, sentence_end(note, end, across_semicolons=True)) is not None
    return False


def not_set_apart(diagnoses: list[str], note: str, end: int) -> list[str]:
    """The diagnoses the note leaves free to explain the sign ending at note[end]."""
    return [d for d in diagnoses if not set_apart_from(d, note, end)]
