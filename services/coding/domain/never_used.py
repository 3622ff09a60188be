"""A use history answered "never" right before the use it names ("never tobacco use", "SH: never alcohol use",
"never used cocaine") denies that use: no tobacco use (Z72.0), nicotine dependence (F17.-) nor psychoactive
substance use (F10-F19) is coded from the words it denies. ConText's "never" is no denial, and making it one in
general would reach "never treated", "never had a colonoscopy", whose condition or screening is still coded: so
only a use code's own mention, with "never" (and its verb of use) right before it, is read so.
"""
import re

from services.coding.domain.suggestions import Suggestion

NAME = "never-used"
_USE_CODES = ("Z72.0", "F10", "F11", "F12", "F13", "F14", "F15", "F16", "F17", "F18", "F19")
_NEVER_RIGHT_BEFORE = re.compile(r"\bnever(?:[ \t]+(?:used?|smoked|drank|drinks|vaped|tried))?[ \t]*\Z",
                                 re.IGNORECASE)
_LOOK_BACK = 30


def never_used(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if "never" not in note.lower():
        return suggestions, []
    kept, reasons = [], []
    for s in suggestions:
        if s.code.startswith(_USE_CODES) and s.context == "affirmed" and _NEVER_RIGHT_BEFORE.search(
                note, max(0, s.start - _LOOK_BACK), s.start):
            reasons.append(f"{s.code} not coded: the use history answers never ({s.evidence!r})")
            continue
        kept.append(s)
    return kept, reasons
