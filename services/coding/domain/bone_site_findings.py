"""Fractures of a long bone's shaft, stress fractures of the foot and trochanteric bursitis in the words clinics
write, where the ICD-10-CM alphabetic index sends them, for `documented_findings`:

- "Fracture, tibia, shaft" (and radius, ulna, fibula, femur, humerus): the tabular splits the shaft by the
  fracture's pattern, transverse, oblique, spiral, comminuted or segmental, each displaced unless the clause says
  otherwise (guideline I.C.19.c.1); a shaft fracture of no stated pattern is the "unspecified fracture of shaft".
  The tabular words them "Displaced transverse fracture of shaft of left tibia", which the term index does not
  meet in "transverse fracture of the left tibial shaft".
- "Fracture, stress, foot" (a metatarsal, the navicular, the calcaneus): M84.37- by side, a fatigue fracture of
  bone that was not broken by an injury, so no S-code.
- "Bursitis, hip, trochanteric" M70.6-: "trochanteric bursitis" names the hip without the word "hip".

Each is the unspecified-side code lacking its 7th character: the laterality rule takes the side the sentence
states and the 7th-character rule the encounter it states.
"""
import re

from services.coding.domain.note_text import sentence_start
from services.coding.domain.note_text import word_pattern as _word

_SIDE = r"(the |his |her )?(right |left |r |l )?"
_FRACTURE = r"(fracture[sd]?|fx)"
# bone -> (adjective, category of its shaft fractures, code of its unspecified shaft fracture)
_SHAFTS = {"tibia": ("tibial", "S82.2", "S82.209"), "fibula": ("fibular", "S82.4", "S82.409"),
           "radius": ("radial", "S52.3", "S52.309"), "ulna": ("ulnar", "S52.2", "S52.209"),
           "femur": ("femoral", "S72.3", "S72.309"), "humerus": ("humeral", "S42.3", "S42.309")}
_BONES = "|".join(_SHAFTS)
_ADJECTIVES = "|".join(adjective for adjective, _, _ in _SHAFTS.values())
_PATTERNS = (("2", re.compile(r"\btransverse\b", re.IGNORECASE)), ("3", re.compile(r"\boblique\b", re.IGNORECASE)),
             ("4", re.compile(r"\bspiral\b", re.IGNORECASE)), ("5", re.compile(r"\bcomminuted\b", re.IGNORECASE)),
             ("6", re.compile(r"\bsegmental\b", re.IGNORECASE)))
_NONDISPLACED = _word(r"nondisplaced|non-displaced|undisplaced")
_SHAFT_SITE = (rf"((mid)?shaft of {_SIDE}({_BONES})|{_SIDE}({_ADJECTIVES}) (mid)?shaft|"
               rf"mid-?shaft {_SIDE}({_BONES}))")
_BONE_WORD = re.compile(rf"\b({_BONES}|{_ADJECTIVES})\b", re.IGNORECASE)
SHAFT_FRACTURE = _word(rf"{_FRACTURE} (of|through) {_SIDE}{_SHAFT_SITE}|{_SHAFT_SITE} {_FRACTURE}")
_CLAUSE_BREAK = re.compile(r"[,;:()]")
_CLAUSE_END = re.compile(r"[.;:()\n]|$")


def _clause(note: str, start: int, end: int) -> str:
    """The mention's words from its clause's opening to its sentence's next stop: the pattern and displacement
    written before it ("displaced spiral fracture of the ...") or after a comma ("... shaft fracture, comminuted")."""
    opening = max((m.end() for m in _CLAUSE_BREAK.finditer(note, 0, start)), default=0)
    closing = _CLAUSE_END.search(note, end).start()
    return note[max(opening, sentence_start(note, start)):closing]


def shaft_fracture(match: re.Match, note: str) -> tuple[str, str] | None:
    """The shaft's category, the pattern's digit and displaced (3) or nondisplaced (6), the side unspecified."""
    word = _BONE_WORD.search(match.group(0)).group(0).lower()
    named = next(bone for bone, (adjective, _, _) in _SHAFTS.items() if word in (bone, adjective))
    _, category, unspecified = _SHAFTS[named]
    clause = _clause(note, match.start(), match.end())
    patterns = [digit for digit, words in _PATTERNS if words.search(clause)]
    if len(patterns) > 1:
        return None  # two patterns named: which one the code carries is for a coder
    if not patterns:
        return unspecified, f"fracture of the shaft of the {named}, pattern unstated"
    nondisplaced = bool(_NONDISPLACED.search(clause))
    return (f"{category}{patterns[0]}{'6' if nondisplaced else '3'}",
            f"fracture of the shaft of the {named} by its pattern, "
            + ("nondisplaced" if nondisplaced else "displaced (not stated otherwise)"))


_FOOT_BONES = (r"(first|second|third|fourth|1st|2nd|3rd|4th|\d(st|nd|rd|th)?|second and third|2nd and 3rd) "
               r"metatarsals?|metatarsals?|navicular|calcaneus|calcaneal|foot")
STRESS_FRACTURE_OF_FOOT = _word(rf"stress {_FRACTURE} (of|in) {_SIDE}({_FOOT_BONES})|"
                                rf"{_SIDE}({_FOOT_BONES}) stress {_FRACTURE}")
TROCHANTERIC_BURSITIS = _word(r"(greater )?trochanteric bursitis|bursitis of (the )?(right |left )?greater trochanter")

BONE_SITE_WORDS = re.compile(r"shaft|stress|trochanter", re.IGNORECASE)
# (words, codes the index may have found on them, resolve)
BONE_SITE_FINDINGS = (
    (SHAFT_FRACTURE, ("S",), shaft_fracture),
    (STRESS_FRACTURE_OF_FOOT, ("M84", "S9"), lambda match, note: ("M84.376", "stress fracture of the foot")),
    (TROCHANTERIC_BURSITIS, ("M71", "M25"), lambda match, note: ("M70.60", "trochanteric bursitis of the hip")),
)
