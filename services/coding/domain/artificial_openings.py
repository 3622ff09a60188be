"""Artificial opening status (Z93) and cataract extraction status (Z98.4-, Z96.1): an opening or lens the patient
lives with, in the words of the tabular's titles and the index ("Status, tracheostomy" Z93.0, "gastrostomy" Z93.1
(a PEG or G-tube), "ileostomy" Z93.2, "colostomy" Z93.3, "jejunostomy" Z93.4, "cystostomy" Z93.50, "nephrostomy,
ureterostomy" Z93.6; "Pseudophakia" and "Presence, intraocular lens" Z96.1; "Status, cataract extraction" Z98.41
right eye, Z98.42 left eye, Z98.49 the eye unstated). They tell the payer why the care differs (guideline I.C.21.c.3).

Z93 excludes the opening that needs attention (Z43.-: care, change, closure, a reversal) or has a complication
(a leak, an infection, a prolapse), so a sentence naming either gives no status code; nor does an opening planned,
reversed or removed, denied or a relative's. A cataract extraction is a status only once done ("s/p", "status
post", "history of", a year): a pre-operative note for one is the cataract, not its absence.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.drug_therapy import denied_in_its_item
from services.coding.domain.laterality import stated_side
from services.coding.domain.note_text import FAMILY, sentence
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.pattern_literals import NOTE_WORDS, Prefilter
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "artificial-opening-status"
CATARACT_NAME = "cataract-extraction-status"

OPENINGS = (
    (_rx(r"tracheostomy|trach"), "Z93.0", "tracheostomy status"),
    # "PEG" alone is also the laxative (PEG 3350): the tube only where the words say so
    (_rx(r"gastrostomy( tube)?|peg tube|peg (in place|feeds|feedings?)|g[- ]?tube"), "Z93.1", "gastrostomy status"),
    (_rx(r"ileostomy"), "Z93.2", "ileostomy status"),
    (_rx(r"colostomy"), "Z93.3", "colostomy status"),
    (_rx(r"jejunostomy( tube)?|j[- ]?tube"), "Z93.4", "other artificial openings of gastrointestinal tract status"),
    (_rx(r"cystostomy( tube)?"), "Z93.50", "unspecified cystostomy status"),
    (_rx(r"nephrostomy( tube)?|ureterostomy"), "Z93.6", "other artificial openings of urinary tract status"),
)
# attention to the opening (Z43), its complication, or an opening not (or no longer) there
_NOT_STATUS = _rx(r"care|change[sd]?|exchange[sd]?|replace(d|ment)?|revision|revised|reversal|reversed|take ?down|"
                  r"taken down|closure|closed|removed|removal|decannulat\w*|dislodged|leak(s|ing|age)?|infect\w*|"
                  r"bleeding|prolapse[sd]?|stenosis|malfunction\w*|blocked|clogged|granulation|irritation|"
                  r"planned|scheduled|consider\w*|discuss\w*|will need|to be placed|placement today|candidate")

_CATARACT_DONE = _rx(r"(s/p|status post|history of|h/o|hx of|after|had|post) (\w+ ){0,2}cataract (surgery|extraction|"
                     r"removal)( with (iol|lens implant|intraocular lens)s?)?|"
                     r"cataract (surgery|extraction|removal) (in |done |performed )?(19|20)\d\d")
_LENS = _rx(r"pseudophakia|pseudophakic|intraocular lens( implants?)?|iols?|posterior chamber lens( implants?)?")
# the words without which a reading cannot match: most notes hold none, and one scan of the note skips the rest
_PREFILTER_PATTERNS = (*(pattern for pattern, _, _ in OPENINGS), _CATARACT_DONE, _LENS)
_PREFILTER = Prefilter(_PREFILTER_PATTERNS, scan=NOTE_WORDS)
_CATARACT_SIDES = {"right": ("Z98.41",), "left": ("Z98.42",), "bilateral": ("Z98.41", "Z98.42"), None: ("Z98.49",)}


@needs(patterns=_PREFILTER_PATTERNS)
def artificial_openings(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    possible = _PREFILTER.possible(note)
    if not possible:
        return suggestions, []
    made = [*_openings(note, tabular, possible), *_cataract_status(note, tabular, possible)]
    have = {s.code for s in suggestions}
    made = [m for m in {m.code: m for m in reversed(made)}.values()
            if m.code not in have and tabular.is_billable(m.code)]
    if not made:
        return suggestions, []
    return [*suggestions, *made], [m.reason for m in made]


def _openings(note: str, tabular, possible) -> list[Suggestion]:
    return [from_rule(code, m, tabular, NAME, f"{m.group(0)}: {code}, {why}")
            for pattern, code, why in OPENINGS if pattern in possible
            for m in pattern.finditer(note) if _lives_with(note, m)]


def _lives_with(note: str, match: re.Match) -> bool:
    text = sentence(note, match.start(), match.end())
    return not (denied_in_its_item(note, match) or _NOT_STATUS.search(text) or FAMILY.search(text))


def _cataract_status(note: str, tabular, possible) -> list[Suggestion]:
    made = []
    for m in (_CATARACT_DONE.finditer(note) if _CATARACT_DONE in possible else ()):
        if not _lives_with(note, m):
            continue
        side = stated_side(sentence(note, m.start(), m.end()))
        made += [from_rule(code, m, tabular, CATARACT_NAME, f"{m.group(0)}: {code}, cataract extraction status")
                 for code in _CATARACT_SIDES.get(side, ())]
    made += [from_rule("Z96.1", m, tabular, CATARACT_NAME, f"{m.group(0)}: Z96.1, presence of intraocular lens")
             for m in (_LENS.finditer(note) if _LENS in possible else ()) if _lives_with(note, m)]
    return made
