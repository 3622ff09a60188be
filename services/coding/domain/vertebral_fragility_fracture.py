"""A vertebral compression fracture in a patient with osteoporosis (guideline I.C.13.d.2): the spine's collapse is
the osteoporosis's current pathological fracture, M80.08X- (age-related) or M80.88X- (other osteoporosis), one
code that replaces M81 (which excludes M80). The index sends "Collapse, vertebra, in osteoporosis" there, and a
compression fracture "after lifting a box" or "from a minor fall" is the trauma that would not break a healthy bone
the guideline means; a high-energy injury (a car crash, a fall from a height) stays a coder's call.

The encounter is read from the fracture's own sentence, since the visit's heading ("Osteoporosis f/u") follows the
disease, not the fracture: healing (a brace off, "healing") is the subsequent encounter D; a new, current, acute or
just found fracture, or one sent for kyphoplasty, is its active treatment A, unless the sentence calls it old,
chronic or known or dates it to a year. Neither stated: left as it was. An osteoporotic fracture at another site
already coded to M80 (`osteoporotic_fracture`) stands beside it."""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import current, sentence
from services.coding.domain.suggestions import Suggestion

NAME = "vertebral-fragility-fracture"
_KIND = {"M81.0": "M80.0", "M81.8": "M80.8"}
_VERTEBRAL_FRACTURE = re.compile(
    r"\b((vertebral|spinal)( body)? (compression |wedge )?(fracture|fx)|"
    r"[TL]\d{1,2}( vertebral| vertebra| vertebral body)? (compression |wedge )?(fracture|fx)|"
    r"compression (fracture|fx)( of (the )?([TL]\d{1,2}|(thoracic|lumbar) (spine|vertebra)))?)\b", re.IGNORECASE)
_HIGH_ENERGY = re.compile(r"\b(mvc|mva|motor vehicle|car (crash|accident)|high[- ]energy|fall from (a )?(height|"
                          r"ladder|roof)|fell (off|from) (a |the )?(ladder|roof)|burst (fracture|fx))\b", re.IGNORECASE)
_HEALING = re.compile(r"\b(healing|brace (off|removed|discontinued)|subsequent encounter)\b", re.IGNORECASE)
_ACTIVE = re.compile(r"\b(new|current|acute|recent|found|initial encounter|(kypho|vertebro)plasty)\b", re.IGNORECASE)
# an old fracture, or one found in a past year, is no current one to treat
_OLD = re.compile(r"\b(old|chronic|remote|prior|previous|known|healed|(19|20)\d\d)\b", re.IGNORECASE)


def _kind(code: str) -> str | None:
    """The M80 kind of an osteoporosis code, or of a fracture already coded to M80 at another site."""
    return _KIND.get(code) or (code[:5] if code[:5] in _KIND.values() else None)


def _encounter(text: str) -> str | None:
    if _HEALING.search(text):
        return "D"
    return "A" if _ACTIVE.search(text) and not _OLD.search(text) else None


@needs(codes=(*_KIND, *_KIND.values()))
def vertebral_fragility_fracture(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    osteoporosis = next((s for s in suggestions if _kind(s.code) and s.context == "affirmed"), None)
    if osteoporosis is None or _HIGH_ENERGY.search(note):
        return suggestions, []
    fracture = next((m for m in _VERTEBRAL_FRACTURE.finditer(note) if current(note, m.start(), m.end())), None)
    encounter = _encounter(sentence(note, fracture.start(), fracture.end())) if fracture else None
    code = f"{_kind(osteoporosis.code)}8X{encounter}" if encounter else None
    if code is None or not tabular.is_billable(code):
        return suggestions, []
    reason = (f"{fracture.group(0)} with {osteoporosis.evidence} ({osteoporosis.code}): {code}, the osteoporosis's "
              f"current pathological fracture of a vertebra, one code in place of M81")
    made = Suggestion(code=code, description=tabular.description(code), confidence=osteoporosis.confidence,
                      start=fracture.start(), end=fracture.end(), evidence=fracture.group(0), context="affirmed",
                      convention=NAME, reason=reason)
    kept = [s for s in suggestions if s.code not in _KIND and not s.code.startswith(code[:6])]
    return [made, *kept], [reason]
