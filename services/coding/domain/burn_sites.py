"""A burn by its degree, site and side (T20-T25), as clinicians write it with the degree first ("second degree burn
of the L forearm", "partial-thickness burn to the right palm"), where the tabular titles it "Burn of second degree
of left forearm". The depth words are the index's: superficial is first degree, partial thickness second, full
thickness third (Burn, first/second/third degree; guideline I.C.19.d codes the highest degree of a site). The 7th
character is left to `seventh_character`, which reads the encounter the note states. A burn with no degree, a side
the site needs but the note does not give, or a site the table does not hold is left as the index reads it.
"""
import re

from services.coding.domain.note_text import current
from services.coding.domain.suggestions import RULE_CONFIDENCE, Suggestion, from_rule

NAME = "burn-degree-site"

_DEGREES = {"first": "1", "1st": "1", "superficial": "1", "second": "2", "2nd": "2", "partial": "2", "third": "3",
            "3rd": "3", "full": "3"}
# the site's words -> (category, fifth character, whether the tabular splits it by side), from T20-T25's titles
_SITES: dict[str, tuple[str, str, bool]] = {
    "ear": ("T20", "1", True), "lip": ("T20", "2", False), "lips": ("T20", "2", False), "chin": ("T20", "3", False),
    "nose": ("T20", "4", False), "scalp": ("T20", "5", False), "forehead": ("T20", "6", False),
    "cheek": ("T20", "6", False), "neck": ("T20", "7", False),
    "chest": ("T21", "1", False), "chest wall": ("T21", "1", False), "abdomen": ("T21", "2", False),
    "abdominal wall": ("T21", "2", False), "upper back": ("T21", "3", False), "lower back": ("T21", "4", False),
    "forearm": ("T22", "1", True), "elbow": ("T22", "2", True), "upper arm": ("T22", "3", True),
    "axilla": ("T22", "4", True), "shoulder": ("T22", "5", True),
    "hand": ("T23", "0", True), "thumb": ("T23", "1", True), "finger": ("T23", "2", True),
    "fingers": ("T23", "3", True), "palm": ("T23", "5", True), "back of the hand": ("T23", "6", True),
    "back of hand": ("T23", "6", True), "dorsum of the hand": ("T23", "6", True), "wrist": ("T23", "7", True),
    "thigh": ("T24", "1", True), "knee": ("T24", "2", True), "lower leg": ("T24", "3", True),
    "shin": ("T24", "3", True), "calf": ("T24", "3", True),
    "ankle": ("T25", "1", True), "foot": ("T25", "2", True), "toe": ("T25", "3", True), "toes": ("T25", "3", True),
}
_SIDES = {"right": "1", "r": "1", "rt": "1", "left": "2", "l": "2", "lt": "2"}
_SITE_WORDS = "|".join(sorted((re.escape(site) for site in _SITES), key=len, reverse=True))
_BURN = re.compile(
    r"\b(?P<degree>first|second|third|1st|2nd|3rd|superficial|partial|full)[- ]?(degree|thickness)?"
    r"(\s*\((first|second|third|1st|2nd|3rd)[- ]degree\))?\s+burns?\s+(of|to|on)\s+(the\s+|his\s+|her\s+)?"
    r"(?P<side>right|left|rt|lt|r|l)?\s*(?P<site>" + _SITE_WORDS + r")\b",
    re.IGNORECASE)


def burn_sites(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if "burn" not in note.lower():
        return suggestions, []
    made: dict[str, Suggestion] = {}
    for m in _BURN.finditer(note):
        code = _code_for(m, tabular)
        if code is None or code in made or not current(note, m.start(), m.end()):
            continue
        reason = f"{m.group(0)}: {tabular.description(code)}, the degree, site and side as the note writes them"
        made[code] = from_rule(code, m, tabular, NAME, reason, confidence=RULE_CONFIDENCE)
    if not made:
        return suggestions, []
    kept = [s for s in suggestions if not s.code.startswith("T30")]  # the unspecified burn is the one now named
    return [*kept, *made.values()], [s.reason for s in made.values()]


def _code_for(m: re.Match, tabular) -> str | None:
    degree_word = (m.group(4) or m.group("degree")).lower()
    if degree_word in ("partial", "full") and m.group(2) is None:
        return None  # "partial burn", "full burn": not the depth words
    category, site, sided = _SITES[m.group("site").lower()]
    side = _SIDES.get((m.group("side") or "").lower())
    if sided and side is None:
        return None
    code = f"{category}.{_DEGREES[degree_word]}{site}{side if sided else ''}"
    return code if tabular.seventh_characters(code) else None
