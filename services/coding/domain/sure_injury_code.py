"""An injury code the note states in full: its kind, site, side and encounter, with nothing left for a query.

An injury code whose text says "unspecified" or "other" ("Sprain of unspecified ligament of right ankle",
"Unspecified fracture of the lower end of left radius", "Sprain of other ligament of left ankle" for the
talofibular ligament) is what a coder bills when the note says no more than the code does: the "unspecified" is
the note's own silence, not a detail the reading missed. It is a different injury code (a query) where the
mention's clause names a part, pattern or structure the code's text does not carry ("subcapital" fracture of the
femoral neck, a "midshaft" clavicle, a "crush" injury), where the code leaves the injury itself unspecified, where
the code's side is not written in the clause, or where the note's words for the encounter disagree (an "ED
follow-up" the day after the injury: its active treatment or its routine healing).
"""
import re

from services.coding.domain.injury_encounter import follow_up_cue
from services.coding.domain.injury_visit_words import first_visit_for_it

# a word naming what an injury code's text may leave open -> the words of a code's text that carry it
_SPECIFIERS: dict[str, tuple[str, ...]] = {
    "subcapital": (), "transcervical": (), "midcervical": (), "basicervical": (), "intertrochanteric": (),
    "subtrochanteric": (), "pertrochanteric": (), "intracapsular": (), "extracapsular": (),
    "midshaft": ("shaft",), "shaft": ("shaft",), "neck": ("neck",), "head": ("head",), "styloid": ("styloid",),
    "condyle": ("condyle",), "condylar": ("condyle",), "epicondyle": ("epicondyle",),
    "malleolus": ("malleolus",), "malleolar": ("malleolus", "malleolar"), "tuberosity": ("tuberosity",),
    "distal": ("lower end", "distal", "lateral end"), "proximal": ("upper end", "proximal"),
    "comminuted": ("comminuted",), "transverse": ("transverse",), "oblique": ("oblique",), "spiral": ("spiral",),
    "segmental": ("segmental",), "avulsion": ("avulsion",), "crush": ("crush",), "crushing": ("crush",),
    "colles": ("colles",), "smith": ("smith",), "barton": ("barton",), "torus": ("torus",), "buckle": ("torus",),
    "greenstick": ("greenstick",), "salter": ("physeal",), "physeal": ("physeal",), "stress": ("stress",),
    "pathologic": ("pathological",), "pathological": ("pathological",), "osteoporotic": ("osteoporosis",),
    "fragility": ("osteoporosis",), "insufficiency": ("insufficiency",),
    "collateral": ("collateral",), "cruciate": ("cruciate",), "acl": ("cruciate",), "pcl": ("cruciate",),
    "mcl": ("collateral",), "lcl": ("collateral",), "ucl": ("collateral",), "deltoid": ("deltoid",),
    "calcaneofibular": ("calcaneofibular",), "tibiofibular": ("tibiofibular",), "syndesmosis": ("tibiofibular",),
    "syndesmotic": ("tibiofibular",), "meniscus": ("meniscus",), "meniscal": ("meniscus",),
    "scapholunate": ("scapholunate",), "tfcc": ("triangular",), "labrum": ("labrum",), "labral": ("labrum",),
}
_SPECIFIER = re.compile(r"\b(" + "|".join(_SPECIFIERS) + r")\b", re.IGNORECASE)
_INJURY_LEFT_OPEN = re.compile(r"^(unspecified injury|injury, unspecified|other specified injur|other injur)",
                               re.IGNORECASE)
_CODE_SIDE = re.compile(r"\b(right|left|bilateral)\b", re.IGNORECASE)
# the side as notes write it: "right", "R", "rt", "right-sided"; "bilateral", "both"
_SIDE_WORDS = {"right": r"right|rt|r", "left": r"left|lt|l", "bilateral": r"bilateral|both"}
# the injury's own time, for a first visit: "yesterday", "3 hours ago" (not "today's film")
_JUST_INJURED = re.compile(r"\b(yesterday|last night|this morning|(\d+|a few|several) (hours?|hrs?) ago)\b",
                           re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.;:\n]")


def _clause(note: str, start: int, end: int) -> str:
    """The mention's clause: from the last sentence, semicolon or colon break before it to the next after it."""
    before = max((m.end() for m in _CLAUSE_END.finditer(note, 0, start)), default=0)
    after = _CLAUSE_END.search(note, end)
    return note[before:after.start() if after else len(note)]


def names_more_than_the_code(clause: str, description: str) -> str | None:
    """A word of the clause naming a part, pattern or structure the code's text does not carry, if any."""
    text = description.lower()
    for m in _SPECIFIER.finditer(clause):
        if not any(carried in text for carried in _SPECIFIERS[m.group(1).lower()]):
            return m.group(1)
    return None


def _side_written(clause: str, description: str) -> bool:
    side = _CODE_SIDE.search(description)
    if side is None:  # a code with no side: the clause must name none either (a sided sibling may exist)
        return not any(re.search(rf"\b({words})\b", clause, re.IGNORECASE) for words in _SIDE_WORDS.values())
    return re.search(rf"\b({_SIDE_WORDS[side.group(1).lower()]})\b", clause, re.IGNORECASE) is not None


def _encounter_agrees(description: str, note: str) -> bool:
    """The encounter the code's 7th character says, with no words of the note for another one."""
    text = description.lower()
    if "subsequent encounter" in text:
        return _JUST_INJURED.search(note) is None
    if "initial encounter" in text:
        return follow_up_cue(note) is None or first_visit_for_it(note)
    return "sequela" in text


def stated_in_full(description: str, note: str, start: int, end: int) -> bool:
    """Whether an injury code with an "unspecified" or "other" in its text is what a coder bills from this note
    as it stands: the injury named, nothing in its clause the code leaves open, its side and encounter written."""
    if _INJURY_LEFT_OPEN.search(description):
        return False
    clause = _clause(note, start, end)
    return (names_more_than_the_code(clause, description) is None and _side_written(clause, description)
            and _encounter_agrees(description, note))
