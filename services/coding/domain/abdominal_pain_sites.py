"""Abdominal pain and tenderness by the site a clinician's shorthand names, as the ICD-10-CM index files them.

"Pain, abdominal" is R10.9 only where no site is named: "RUQ pain" is R10.11, "LUQ" R10.12, "epigastric" R10.13,
"RLQ" R10.31, "LLQ" R10.32, "periumbilical" R10.33, "lower abdominal" R10.30, "generalized" or "diffuse" R10.84;
"Tenderness, abdominal" is R10.81- by the same sites ("LLQ TTP" R10.814, "epigastric tenderness" R10.816). A
tenderness beside a pain at the same site is coded too (R10.81 excludes R10.1- and R10.3- only as excludes2).

"Pain, flank" is R10.A- by the side its words state ("R flank pain" R10.A1, "flank pain, left" R10.A2, "bilateral
flank pain" R10.A3, no side R10.A0), and "Pain, suprapubic" R10.24 ("suprapubic pain", "suprapubic discomfort",
"pain in the suprapubic region"): the index's "pain" R52 or "pelvic pain" R10.2 on the same words is not their code.

A colic named by its organ ("biliary colic", "gallbladder colic", "ureteral colic") is no "Colic" R10.83: that
code holds the infant's colic (an adult's is R10.84, its excludes1 note), and the index sends the organ's colic
to the calculus it comes from, which imaging settles; the R10.83 the index found on the word "colic" is dropped.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.finding_resolvers import fixed
from services.coding.domain.laterality import written_side
from services.coding.domain.note_text import word_pattern as _word
from services.coding.domain.suggestions import Suggestion

# (the site's words, pain code, tenderness code)
_SITES = (
    (r"ruq|right upper quadrant", "R10.11", "R10.811"),
    (r"luq|left upper quadrant", "R10.12", "R10.812"),
    (r"epigastric|epigastrium", "R10.13", "R10.816"),
    (r"rlq|right lower quadrant", "R10.31", "R10.813"),
    (r"llq|left lower quadrant", "R10.32", "R10.814"),
    (r"peri-?umbilical|periumbilic", "R10.33", "R10.815"),
    (r"generali[sz]ed|diffuse", "R10.84", "R10.817"),
)
_ABDOMINAL = r"(abdominal |abdomen |abd )?"
_PAIN = r"(pain|discomfort|aches?|cramping)"
_TENDER = r"(tenderness|ttp|tender to palpation)"
_FAMILY = ("R10", "R52")  # the index's "abdominal pain" R10.9, "pain" R52 on the same words


def _pain_words(site: str) -> str:
    """"RUQ pain", "RUQ abdominal pain", "epigastric discomfort", "pain in the RUQ", "abdominal pain, RUQ"."""
    return (rf"({site}) {_ABDOMINAL}{_PAIN}|{_PAIN} (in|at) (the )?({site})( quadrant| region| area)?|"
            rf"abdominal {_PAIN},? ({site})\b(?! (abdominal )?(ttp|tender))")


def _tender_words(site: str) -> str:
    """"LLQ TTP", "RLQ tenderness", "TTP in the LLQ", "tender in the epigastrium", "TTP RLQ"."""
    return (rf"({site}) {_ABDOMINAL}{_TENDER}|(mild |moderate |focal )?{_TENDER} (in |at |over |of )?(the )?({site})|"
            rf"tender (in |at |over )?(the )?({site})")


ABDOMINAL_SITE_WORDS = re.compile(r"\b(ruq|luq|rlq|llq|quadrant|epigastri|peri-?umbilic|generali[sz]ed|diffuse|"
                                  r"flank|suprapubic)", re.IGNORECASE)

_FLANK_SIDE_DIGITS = {"right": "1", "left": "2", "bilateral": "3", None: "0"}
_BOTH_FLANKS = re.compile(r"\b(b|bilat|bilateral|bilaterally|both)\b|flanks\b", re.IGNORECASE)
_SIDE_IN_BRACKETS = {"r": "right", "rt": "right", "l": "left", "lt": "left"}


def _flank_pain(match: re.Match, note: str) -> tuple[str, str]:
    """R10.A- by the side the words state: right 1, left 2, both 3, none 0."""
    said = match.group(0)
    bracketed = re.search(r"\((r|rt|l|lt)$", said, re.IGNORECASE)
    side = ("bilateral" if _BOTH_FLANKS.search(said) else
            _SIDE_IN_BRACKETS[bracketed.group(1).lower()] if bracketed else written_side(said))
    return f"R10.A{_FLANK_SIDE_DIGITS[side]}", "flank pain" + (f" ({side})" if side else ", side unstated")


_FLANK_SIDE = r"((the |her |his )?(right|left|r|l|rt|lt|b|bilat|bilateral|both)[- ]?(sided )?)"
_FLANK_SIDE_AFTER = r"(,? (right|left|r|l|rt|lt|bilateral|bilat)\b(?! (knee|hip|ankle|shoulder|leg|arm|foot|side))|" \
                    r" \((r|rt|l|lt|b|bilat)(?=\))|,? (on )?both sides|,? bilaterally)"
_FLANK_PAIN_WORDS = _word(rf"{_FLANK_SIDE}?flanks? {_PAIN}{_FLANK_SIDE_AFTER}?|"
                          rf"{_PAIN} (in|of|at) (the |her |his )?{_FLANK_SIDE}?flanks?{_FLANK_SIDE_AFTER}?")
_SUPRAPUBIC_PAIN_WORDS = _word(rf"suprapubic (abdominal |abd )?{_PAIN}|{_PAIN},? (in |at |over )?(the )?suprapubic"
                               rf"( region| area)?")

# (words, codes the term index may have found on them, resolve(match, note) -> (code, why))
ABDOMINAL_PAIN_SITE_FINDINGS = tuple(
    finding
    for site, pain, tender in _SITES
    for finding in (
        (_word(_pain_words(site)) if pain != "R10.84" else
         _word(rf"({site}) (abdominal |abdomen |abd ){_PAIN}|abdominal {_PAIN},? ({site})"),
         _FAMILY, fixed(pain, "abdominal pain at the site its words name")),
        (_word(_tender_words(site)) if tender != "R10.817" else _word(rf"({site}) (abdominal |abdomen |abd ){_TENDER}"),
         _FAMILY, fixed(tender, "abdominal tenderness at the site its words name")),
    )
) + (
    (_FLANK_PAIN_WORDS, _FAMILY, _flank_pain),
    (_SUPRAPUBIC_PAIN_WORDS, _FAMILY, fixed("R10.24", "suprapubic pain")),
)


ORGAN_COLIC_NAME = "organ-colic-not-infant-colic"
_COLIC = "R10.83"
_ORGAN_BEFORE = re.compile(r"\b(biliary|gall ?bladder|bile duct|hepatic|ureteral|ureteric|ureter|kidney|renal)"
                           r"[ \t]+$", re.IGNORECASE)


@needs(codes=(_COLIC,))
def organ_colic(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    """The infant's "Colic" R10.83 read on the word "colic" of a colic its organ names is dropped."""
    kept, reasons = [], []
    for s in suggestions:
        if s.code == _COLIC and (organ := _ORGAN_BEFORE.search(note, max(0, s.start - 20), s.start)):
            reasons.append(f"{organ.group(1)} {s.evidence}: not {_COLIC} (infant colic), the colic of an organ")
            continue
        kept.append(s)
    return kept, reasons
