"""A thyroid function test the note calls abnormal, with no thyroid disorder diagnosed: R94.6, "Abnormal results of
thyroid function studies" (the index's "Abnormal, thyroid function study").

"TSH 7.9 (high), free T4 normal", "TSH suppressed at 0.02", "free T4 low with a normal TSH": outpatient coding codes
the finding when no diagnosis explains it (guideline IV.D, IV.H: a doubted "possible subclinical hyperthyroidism"
is not a diagnosis). The test (TSH, free or total T4 or T3) and the word for its result (high, low, elevated,
suppressed, abnormal) must stand within a few words of each other in one sentence; "high-normal" is normal, and
a sentence about the spine names a vertebra ("T4 compression fracture, low back pain").
A TSH given only as a number outside the adult reference range (0.4-4.5 mIU/L: "TSH <0.01", "TSH 7.9, free T4
normal") is a finding where the note weighs a thyroid disorder for it ("probable subclinical hypothyroidism",
"possible Graves disease vs painless thyroiditis", "suspected hyperthyroidism"): the doubt is the provider naming
the result's significance. Not in a pregnancy or a newborn, whose ranges differ.
A thyroid disorder the note affirms (E00-E07, postprocedural hypothyroidism E89.0) is the explanation, and keeps R94.6
out.
"""
import re

from services.coding.domain.note_text import NEGATION, sentence, uncertain
from services.coding.domain.suggestions import RULE_CONFIDENCE, Suggestion

NAME = "thyroid-result"
CODE = "R94.6"
REASON = "{evidence!r} with no thyroid disorder diagnosed: an abnormal thyroid function study"
_TEST = r"(tsh|(free |total )?(t4|t3)|ft4|ft3|thyroxine|thyrotropin)"
_RESULT = r"(high|low|elevated|raised|suppressed|undetectable|abnormal)(?![- ]normal)"
# between them, the value and its unit, a decimal point included ("TSH 7.9 (high)")
_STATED = re.compile(rf"\b{_TEST}\b(?P<between>([^.;]|(?<=\d)\.(?=\d)){{0,20}}?)\b{_RESULT}\b|\b{_RESULT} {_TEST}\b",
                     re.IGNORECASE)
# "T4 compression fracture, low back pain": a vertebra, not a thyroxine
_SPINE = re.compile(r"\b(vertebrae?|vertebral|spine|spinal|fracture|disc|dermatome)\b", re.IGNORECASE)
_THYROID_DISORDERS = ("E00", "E01", "E02", "E03", "E04", "E05", "E06", "E07", "E89.0")
# a TSH and its number, "<0.01" and "7.9 mIU/L" alike, with no word for the result between them
_TSH_VALUE = re.compile(r"\bTSH\b:?\s*(?:of |was |is |at )?(?P<below><\s*)?(?P<value>\d+(?:\.\d+)?|\.\d+)(?![\d.])")
TSH_REFERENCE_RANGE = (0.4, 4.5)
_THYROID_DISORDER_WORDS = re.compile(r"\b(hypothyroid\w*|hyperthyroid\w*|thyrotoxicosis|graves\W*(?:disease|dz)?|"
                                     r"hashimoto\w*|thyroiditis)\b", re.IGNORECASE)
# a pregnancy's or a newborn's TSH is read against ranges of their own
_PREGNANCY_OR_NEWBORN = ("O", "P", "Z3A")


def thyroid_results(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if "t3" not in note.lower() and "t4" not in note.lower() and "tsh" not in note.lower() \
            and "thyro" not in note.lower():
        return suggestions, []
    if any(s.code == CODE or (s.code.startswith(_THYROID_DISORDERS) and s.context == "affirmed")
           for s in suggestions):
        return suggestions, []
    stated = next((m for m in _STATED.finditer(note) if not NEGATION.search(m.group("between") or "")
                   and not _SPINE.search(sentence(note, m.start(), m.end()))), None)
    if stated is None and not any(s.code.startswith(_PREGNANCY_OR_NEWBORN) for s in suggestions):
        stated = out_of_range_tsh_weighed(note)
    if stated is None:
        return suggestions, []
    reason = REASON.format(evidence=stated.group(0))
    return suggestions + [Suggestion(
        code=CODE, description=tabular.description(CODE), confidence=RULE_CONFIDENCE, start=stated.start(),
        end=stated.end(), evidence=stated.group(0), context="affirmed", convention=NAME, reason=reason)], [reason]


def out_of_range_tsh_weighed(note: str) -> re.Match | None:
    """A TSH number outside the reference range, in a note that weighs a thyroid disorder as uncertain."""
    if not any(uncertain(note, m.start(), m.end()) for m in _THYROID_DISORDER_WORDS.finditer(note)):
        return None
    low, high = TSH_REFERENCE_RANGE
    return next((m for m in _TSH_VALUE.finditer(note)
                 if float(m.group("value")) < low or (float(m.group("value")) > high and not m.group("below"))), None)
