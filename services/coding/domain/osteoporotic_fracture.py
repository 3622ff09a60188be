"""A fracture in a patient with osteoporosis (guideline I.C.13.d.2): a code from M80 "Osteoporosis with current
pathological fracture" is assigned, not a traumatic fracture code, for a patient with known osteoporosis who suffers
a fracture, even after a minor fall, unless a coder judges the trauma enough to break a normal bone. So where the
note confirms the osteoporosis and says the bone broke from little force (a fragility or osteoporotic fracture, a fall
from standing height or onto an outstretched hand: the history often tells the fall, the assessment the fracture),
the current fracture (S code) becomes M80 at its site and side with its encounter, and the
osteoporosis code M81 goes (it excludes M80). Without such words the two codes stay for a coder, as before."""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.suggestions import Suggestion

NAME = "osteoporotic-fracture"
REASON = ("{fracture} in a patient with {osteoporosis} ({why!r}): a fracture of osteoporotic bone is coded to M80 "
          "with its site, side and encounter, not as a traumatic fracture, and replaces the M81 code")
# the bone broke from little force: a fragility fracture, or a fall from standing
_LOW_FORCE = re.compile(r"\b(osteoporotic|fragility|insufficiency|fall from (a )?standing( height)?|ground[- ]level "
                        r"fall|fell (from standing|on (an |her |his )?outstretched ((right|left|r|l) )?(hand|arm))|low[- ](energy|trauma)|"
                        r"minimal trauma)\b", re.IGNORECASE)
# S-code fracture categories by M80's site (5th character): shoulder and upper arm, forearm, hand, femur, lower leg,
# ankle and foot, vertebra
_SITES = (("S42", "2"), ("S52", "3"), ("S62", "4"), ("S72", "5"), ("S82.5", "7"), ("S82.6", "7"), ("S82.8", "7"),
          ("S82", "6"), ("S92", "7"), ("S22.0", "8"), ("S32.0", "8"))
# a traumatic fracture's 7th character read as M80's: an open fracture's encounters are the same encounters
_ENCOUNTER = {"A": "A", "B": "A", "C": "A", "D": "D", "E": "D", "F": "D", "G": "G", "H": "G", "J": "G", "K": "K",
              "M": "K", "N": "K", "P": "P", "Q": "P", "R": "P", "S": "S"}
_OSTEOPOROSIS_KIND = {"M81.0": "M80.0", "M81.8": "M80.8"}


def _m80_code(fracture: str, description: str, kind: str) -> str | None:
    site = next((s for prefix, s in _SITES if fracture.startswith(prefix)), None)
    encounter = _ENCOUNTER.get(fracture[-1]) if len(fracture) == 8 else None
    if site is None or encounter is None:
        return None
    if site == "8":
        return f"{kind}8X{encounter}"
    said = description.lower()
    side = "1" if "right" in said else "2" if "left" in said else "9"
    return f"{kind}{site}{side}{encounter}"


@needs(codes=tuple(_OSTEOPOROSIS_KIND))
def osteoporotic_fracture(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    osteoporosis = next((s for s in suggestions if s.code in _OSTEOPOROSIS_KIND and s.context == "affirmed"), None)
    if osteoporosis is None:
        return suggestions, []
    out, reasons, replaced = [], [], False
    for s in suggestions:
        why = _LOW_FORCE.search(note) if s.code[0] == "S" and s.context == "affirmed" else None
        code = _m80_code(s.code, s.description, _OSTEOPOROSIS_KIND[osteoporosis.code]) if why else None
        if code is not None and tabular.is_billable(code):
            reason = REASON.format(fracture=s.code, osteoporosis=osteoporosis.code, why=why.group(0))
            s = s.model_copy(update={"code": code, "description": tabular.description(code), "convention": NAME,
                                     "confidence": min(s.confidence, osteoporosis.confidence), "reason": reason})
            reasons.append(reason)
            replaced = True
        out.append(s)
    return ([s for s in out if not (replaced and s is osteoporosis)], reasons) if replaced else (suggestions, [])
