"""Episodes over once treated, named in the past: the alphabetic index's History, personal entry for each, where
the condition's own words meet no term the suggester reads as past ("Hx of TBI 2010", "h/o TB treated 2005",
"Hx of pyelonephritis 2019", "preeclampsia in her last pregnancy" under a history heading). Each is a kind of
condition that does not persist once over, so "history of" it is a personal history code, never the condition
(guideline I.C.21.c.4); a chronic condition under a history heading is left to the chronic-condition reading.

A relative's, a denied or a current one ("h/o TB, on RIPE now") is not read here.
"""
import re

from services.coding.domain.note_text import (
    FAMILY,
    HISTORY,
    NEGATION,
    before,
    sentence,
    word_pattern,
)
from services.coding.domain.suggestions import Suggestion, from_rule, replacing

NAME = "history-entry"
# (words, personal history code, the index's entry)
ENTRIES = (
    (r"latent (tb|tuberculosis)( infection)?|ltbi|positive (ppd|quantiferon|tb skin test)", "Z86.15",
     "History, personal, latent tuberculosis infection"),
    (r"(?<!latent )(tuberculosis|tb)(?! (skin )?test| screen| exposure)", "Z86.11", "History, personal, tuberculosis"),
    (r"((bacterial|viral|aseptic|meningococcal) )?(meningitis|encephalitis)", "Z86.61",
     "History, personal, infection, central nervous system"),
    (r"(peptic|gastric|duodenal|stomach|bleeding) ulcers?|pud", "Z87.11", "History, personal, peptic ulcer disease"),
    (r"pre-?eclampsia|eclampsia|gestational hypertension|pregnancy[- ]induced hypertension|hellp( syndrome)?",
     "Z87.59", "History, personal, complications of pregnancy"),
    (r"concussions?(?! syndrome)|tbi|traumatic brain injury", "Z87.820",
     "History, personal, traumatic brain injury"),
    (r"pyelonephritis|kidney infections?", "Z87.440", "History, personal, infection, urinary (tract)"),
)
_PATTERNS = tuple((word_pattern(words), code, entry) for words, code, entry in ENTRIES)
_ANY = word_pattern("|".join(words for words, _, _ in ENTRIES))
_ACTIVE_NOW = re.compile(r"\b(currently (on|being treated|treated)|active|undergoing|now on|on treatment|"
                         r"recurrent|recurrence|again)\b", re.IGNORECASE)


def history_entries(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if not _ANY.search(note):
        return suggestions, []
    out, reasons = list(suggestions), []
    for pattern, code, entry in _PATTERNS:
        for match in pattern.finditer(note):
            if not _named_past(match, note) or any(s.code == code for s in out) or not tabular.is_billable(code):
                continue
            reason = f"{match.group(0)} in the past: {code} ({entry})"
            made = replacing(out, from_rule(code, match, tabular, NAME, reason, context="history"))
            if made is not None:
                out, reasons = made, [*reasons, reason]
    return out, reasons


def _named_past(match: re.Match, note: str) -> bool:
    """"History of" (h/o, hx, s/p, prior) before it in its sentence, no denial before it ("no history of"), no
    relative and nothing saying it is active now."""
    prefix, whole = before(note, match.start()), sentence(note, match.start(), match.end())
    return bool(HISTORY.search(prefix)) and not NEGATION.search(prefix) and not FAMILY.search(whole) \
        and not _ACTIVE_NOW.search(whole)
