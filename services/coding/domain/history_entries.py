"""Episodes over once treated, named in the past: the alphabetic index's History, personal entry for each, where
the condition's own words meet no term the suggester reads as past ("Hx of TBI 2010", "h/o TB treated 2005",
"Hx of pyelonephritis 2019", "preeclampsia in her last pregnancy" under a history heading). Each is a kind of
condition that does not persist once over, so "history of" it is a personal history code, never the condition
(guideline I.C.21.c.4); a chronic condition under a history heading is left to the chronic-condition reading.

A relative's, a denied or a current one ("h/o TB, on RIPE now") is not read here. A healed fracture under a problem
list's "Hx" is its personal history too (traumatic Z87.81, fragility Z87.310), in place of the injury code found on
its words, unless its sentence says it is under care now.
"""
import re

from services.coding.domain.note_context import RESOLVED, TREATED_IN_A_YEAR_CUE, mention_scope, past_by_name
from services.coding.domain.note_text import (
    FAMILY,
    HISTORY,
    NEGATION,
    before,
    sentence,
    word_pattern,
)
from services.coding.domain.suggestions import Suggestion, from_rule, overlapping, replacing

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
    # a bleed whose sentence names an ulcer is the peptic ulcer's history above
    (r"(upper |lower )?(gi|gastrointestinal) (bleeds?|bleeding|hemorrhage)(?![^.;]*\bulcers?\b)", "Z87.19",
     "History, personal, disease, digestive system"),
)
_PATTERNS = tuple((word_pattern(words), code, entry) for words, code, entry in ENTRIES)
_ANY = word_pattern("|".join(words for words, _, _ in ENTRIES))
_TREATED_IN_A_YEAR = re.compile(TREATED_IN_A_YEAR_CUE, re.IGNORECASE)
# a problem list writes the history cue without "of" right before the condition ("Hx concussion 2019", "hx GI bleed",
# read with the shorthand written out); a heading's colon ("History: concussion yesterday") opens today's account
_BARE_HISTORY_CUE = re.compile(r"(?<!family )(?<!social )\bhistory\s+$", re.IGNORECASE)
_ACTIVE_NOW = re.compile(r"\b(currently (on|being treated|treated)|active|undergoing|now on|on treatment|"
                         r"recurrent|recurrence|again)\b", re.IGNORECASE)
_LATE_EFFECT_OF = r"\b(sequelae?|late effects?) of (the |an? |his |her |their )?"


# a healed fracture under a history heading ("Hx L distal radius fx 2022 - no issues"): "History, personal, fracture,
# traumatic" Z87.81, or "fragility"/"osteoporosis" Z87.310 where its sentence says so; a problem list's "Hx" is
# written without "of". Not one its sentence says is under care now (a fracture's subsequent encounter).
_FRACTURE = word_pattern(r"fractures?")
_BARE_HISTORY = re.compile(r"\b(history|hx)\b(?! of present)", re.IGNORECASE)
_FRAGILITY = word_pattern(r"fragility|osteoporo\w*|low[- ]trauma|fall from standing")
_UNDER_CARE = word_pattern(r"cast|splint|boot|brace|orif|fixation|healing|weeks? ago|wks? ago|days? ago|"
                           r"follow-?up|f/u|post-?op|nonunion|malunion|delayed union")


def history_entries(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    suggestions, fracture_reasons = _healed_fractures(suggestions, note, tabular)
    if not _ANY.search(note):
        return suggestions, fracture_reasons
    out, reasons = list(suggestions), fracture_reasons
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
    """"History of" (h/o, hx, s/p, prior) before it in its sentence or a bare "Hx" right before it, no denial
    before it ("no history of"), no relative and nothing saying it is active now."""
    prefix, whole = before(note, match.start()), sentence(note, match.start(), match.end())
    # or the words after it date its treatment or its end ("latent TB treated with rifampin 2022", "meningitis as a
    # child"), as the context rules read them; a problem list's status column alone is left to those rules
    scope = mention_scope(note, match.start(), match.end())
    named_past = bool(HISTORY.search(prefix)) or bool(_BARE_HISTORY_CUE.search(prefix)) or past_by_name(scope) and (
        scope.rule != RESOLVED or bool(_TREATED_IN_A_YEAR.search(scope.cue)))
    # a note that codes the condition's late effects ("sequela of the concussion": S06.0X0S) is not its history
    late_effects = re.search(_LATE_EFFECT_OF + re.escape(match.group(0)), note, re.IGNORECASE)
    return named_past and not NEGATION.search(prefix) and not FAMILY.search(whole) \
        and not _ACTIVE_NOW.search(whole) and not late_effects


def _healed_fractures(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if not _FRACTURE.search(note):
        return suggestions, []
    out, reasons = list(suggestions), []
    for match in _FRACTURE.finditer(note):
        prefix, whole = before(note, match.start()), sentence(note, match.start(), match.end())
        cue = _BARE_HISTORY.search(prefix)
        if cue is None or NEGATION.search(prefix) or FAMILY.search(whole) or _UNDER_CARE.search(whole):
            continue
        code, entry = ("Z87.310", "History, personal, fracture, fragility") if _FRAGILITY.search(whole) else \
            ("Z87.81", "History, personal, fracture, traumatic")
        if any(s.code == code for s in out) or not tabular.is_billable(code):
            continue
        made = from_rule(code, match, tabular, NAME, f"{match.group(0)} in the past: {code} ({entry})",
                         context="history")
        replaced = [s for s in overlapping(out, cue.start(), match.end()) if s.code.startswith("S")]
        out = [*[s for s in out if s not in replaced], made]
        reasons.append(made.reason)
    return out, reasons
