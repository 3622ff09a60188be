"""A substance use disorder of no stated severity that the sentence places in remission ("OUD in remission",
"opioid use disorder, in sustained remission"): the in-remission code of dependence, F1x.21.

The tabular's remission codes are abuse's (.11) and dependence's (.21) only; "use, unspecified" (F1x.9-) has none,
so the index's "use" reading (F11.90) cannot carry the remission the provider states (guideline I.C.5.b.1).
DSM-5's remission specifiers follow a disorder once diagnosed, and the development notes' coders assign the
dependence code to them throughout; a mild one is abuse's (.11), which `substance_in_remission`
reads from the stated severity, and a complicated one (withdrawal, an induced disorder) is another reading's.
"""
import re

from services.coding.domain.neurology_findings import stated
from services.coding.domain.note_text import current, current_without, sentence, word_pattern as _rx

_SUBSTANCES = (("F10", r"alcohol use disorder|aud"), ("F11", r"opioid use disorder|oud"),
               ("F12", r"cannabis use disorder"), ("F14", r"cocaine use disorder"))
# the disorder, then its remission at once: no severity written in full between ("OUD, severe, in remission" is
# read by the severity's own readings)
_DISORDER_NAMES = "|".join(names for _, names in _SUBSTANCES)
# between, only the clinics' "mod" ("AUD mod, in early remission"): moderate is dependence, which the remission code
# is, and the index, which reads "moderate" and "severe" written in full, has no entry for the abbreviation
USE_DISORDER_IN_REMISSION = _rx(rf"(?P<disorder>{_DISORDER_NAMES}),?[ \t]*(?:mod\.?,?[ \t]*)?(?:-[ \t]*)?(?:in[ \t]+)?"
                                r"(?:early |sustained |full |partial )?remission")
_MILD_OR_COMPLICATED = _rx(r"mild|intoxication|withdrawal|induced|delirium|psychosis|psychotic")


def use_disorder_in_remission(match: re.Match, note: str) -> tuple[str, str] | None:
    if stated(_MILD_OR_COMPLICATED, sentence(note, match.start(), match.end())):
        return None
    disorder = match.group("disorder").lower()
    category = next(code for code, names in _SUBSTANCES if re.fullmatch(names, disorder))
    return f"{category}.21", "a use disorder of no stated severity in remission: dependence, in remission"


USE_DISORDER_FAMILY = ("F10", "F11", "F12", "F14")
REMISSION_WORD = re.compile(r"remission", re.IGNORECASE)
_DISORDER_WORDS = _rx(_DISORDER_NAMES)


# "Hx of alcohol use disorder, in sustained remission": the history its remission follows is the disorder's own
# course, which the remission code holds; the remission is stated, so it is coded (guideline I.C.5.b.1)
_HISTORY_OF_BEFORE = re.compile(r"\b(hx|history|h/o)( of)?:?\s*$", re.IGNORECASE)


def remission_current(note: str, start: int, end: int) -> bool:
    """Current as `current` reads the disorder's own words: its remission, which the code states, is no sign that
    the condition is over (a history's "in remission" is), nor is a "history of" written right before it."""
    words = _DISORDER_WORDS.match(note, start, end)
    if words is None:
        return current(note, start, end)
    cue = _HISTORY_OF_BEFORE.search(note, max(0, start - 20), start)
    if cue is not None:
        note = note[:cue.start()] + " " * (cue.end() - cue.start()) + note[cue.end():]
    return current_without(note, start, words.end(), words.end(), end)
