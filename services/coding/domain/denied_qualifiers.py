"""Words after a condition that name what it is not: "Insomnia - not sleep apnea", "asthma, no COPD", "tremor
rather than PD", "GERD - r/o ulcer". A qualifier so denied or contrasted is no kind of the condition it follows, so
it names no sibling code; where the denial is itself a word of the code ("migraine without aura", "not
intractable", "without complications") it is that code's qualifier, read as before. Asked only where the words
beside a mention already name a sibling, a few times a note at most.
"""
import re

from services.coding.domain.note_terms import words

# the cue, then the words it denies up to the clause's end
_DENIAL = re.compile(r"(?:^|[\s,;(/-])(?P<cue>not|no|without|w/o|r/o|rule out|ruled out|rather than|instead of|"
                     r"vs\.?|versus)\s+(?P<denied>[^.;,()\n]+)", re.IGNORECASE)
_CUE_WORDS = {"w/o": "without"}


def denied_words(after: str, description: str) -> frozenset[str]:
    """The words the text after a mention denies or contrasts, save where the cue is a word of the code's own
    description."""
    code_words, denied = set(words(description)), set()
    for match in _DENIAL.finditer(after):
        cue = match.group("cue").lower().rstrip(".")
        if _CUE_WORDS.get(cue, cue) in code_words:
            continue
        denied.update(words(match.group("denied")))
    return frozenset(denied)
