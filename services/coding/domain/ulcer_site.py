"""The site code a diabetic foot or skin ulcer asks for: E08-E13 with foot ulcer (.621) and with other skin ulcer
(.622) carry "use additional code to identify site of ulcer (L97.1-L97.9, L98.41-L98.49)". The note's ulcer is the
tabular's "Non-pressure chronic ulcer of <site>" L97.-: the site from the index ("Ulcer, lower limb": thigh L97.1-,
calf and lower leg L97.2-, ankle L97.3-, heel and midfoot L97.4-, toe and other part of foot L97.5-), the side
its sentence states (1 right, 2 left) and the depth its sentence states in the tabular's words (limited to
breakdown of skin, fat layer exposed, muscle or bone involved or necrotic). A site, side or depth the note does not
state is left to a coder; a pressure ulcer (L89) is not this code.
"""
import re

from services.coding.domain.laterality import stated_side
from services.coding.domain.note_text import NEGATION, before, sentence
from services.coding.domain.note_text import word_pattern as _word
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "ulcer-site"
_DIABETIC_ULCER = (".621", ".622")
_DIABETES = ("E08", "E09", "E10", "E11", "E13")
_ULCER = _word(r"ulcers?|ulcerations?")
_PRESSURE = _word(r"pressure|decubitus|bed ?sores?")
# the 4th character by the index's "Ulcer, lower limb" subterms, most specific first
_SITES = (("4", _word(r"heels?|mid-?foot|calcaneal")),
          ("5", _word(r"toes?|hallux|great toe|forefoot|metatarsal( head)?s?|mth|ball of (the )?foot|"
                      r"dorsum of (the )?foot|dorsal foot|plantar (surface|aspect) of (the )?(fore)?foot")),
          ("3", _word(r"ankles?|malleol(us|i|ar)")),
          ("2", _word(r"calf|calves|shin|lower leg")),
          ("1", _word(r"thigh")))
_NOT = r"(?<!no )(?<!without )(?<!not )"
_DEPTHS = (("4", _word(_NOT + r"(with )?necrosis of bone|bone necrosis|osteonecrosis")),
           ("3", _word(_NOT + r"(with )?necrosis of muscle|muscle necrosis")),
           ("6", _word(_NOT + r"bone involvement without (evidence of )?necrosis|exposed bone|bone exposed")),
           ("5", _word(_NOT + r"muscle involvement without (evidence of )?necrosis|exposed muscle|muscle exposed")),
           ("2", _word(_NOT + r"fat layer exposed|exposed fat( layer)?|fat exposed|subcutaneous fat exposed")),
           ("1", _word(_NOT + r"limited to (the )?breakdown of (the )?skin|skin breakdown only")))
_SIDES = {"right": "1", "left": "2"}


def _site_code(text: str) -> str | None:
    site = next((digit for digit, words in _SITES if words.search(text)), None)
    side = _SIDES.get(stated_side(text) or "")
    depths = {digit for digit, words in _DEPTHS if words.search(text)}
    if site is None or side is None or len(depths) != 1:
        return None
    return f"L97.{site}{side}{depths.pop()}"


def ulcer_site(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    combination = next((s for s in suggestions if s.code.startswith(_DIABETES) and s.code.endswith(_DIABETIC_ULCER)
                        and s.context == "affirmed"), None)
    if combination is None or any(s.code.startswith("L97") for s in suggestions):
        return suggestions, []
    for match in _ULCER.finditer(note):
        text = sentence(note, match.start(), match.end())
        if _PRESSURE.search(text) or NEGATION.search(before(note, match.start())):
            continue
        code = _site_code(text)
        if code is None or not tabular.is_billable(code) or not tabular.allows_additional(combination.code, code):
            continue
        reason = f"{match.group(0)}: {code}, the site, side and depth of the ulcer {combination.code} asks for"
        return [*suggestions, from_rule(code, match, tabular, NAME, reason)], [reason]
    return suggestions, []
