"""Where a denial stops short of a diagnosis written after it.

A denial reaches across a list ("denies chest pain, SOB, or palpitations", "no fever/chills/cough"), but an
assessment written after the denied words and a spaced dash is an item of its own: "PAD, ABI 0.78, no claudication -
diabetic peripheral angiopathy", "no DM - prediabetes". The dash must follow words the denial governs (not open a
dashed list right after the cue, "Denies: - fever - chills") and stand between spaces, as a hyphen ("non-tender",
"T-score -2.6") does not. Only a diagnosis is read past it: a sign after the dash ("no fever - chills") may still be
one more denied item, and stays denied.
"""
import re

# the words the denial governs, then a dash with whitespace on both sides, all within the clause
DENIED_WORDS_THEN_DASH = r"[^\S\n]*[\w/(][^:.;\n]*?[^\S\n][-\u2013]+[^\S\n]"
_DASH_AFTER_DENIED_WORDS = re.compile(DENIED_WORDS_THEN_DASH)


def closed_by_a_dash(reach: str) -> bool:
    """The text between a denial's cue and a diagnosis holds the denied words and then a spaced dash."""
    return ("-" in reach or "\u2013" in reach) and _DASH_AFTER_DENIED_WORDS.match(reach) is not None
