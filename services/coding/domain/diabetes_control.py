"""Diabetes with hypoglycemia, and diabetes called poorly controlled, as the alphabetic index codes them.

- "Diabetes, type 1 (type 2), with, hypoglycemia" E10.649 (E11.649, E13.649 for other diabetes): hypoglycemia in a
  diabetic is presumed linked (the "with" convention, I.A.15) and is one combination code in place of the
  diabetes' E1x.9 and the unlinked E16.2; a coma in the note is E1x.641 and is left to a coder.
- "Diabetes, with, foot ulcer" E1x.621 in place of E1x.9, with the ulcer's L97.- code its "use additional code"
  note asks for: L97.4- heel and midfoot, L97.5- other part of the foot (toes), by side and by the depth stated
  (1 skin breakdown, 2 fat layer exposed, 3 muscle necrosis, 4 bone necrosis, 5/6 muscle/bone involvement
  without necrosis, 9 unstated).
- "Diabetes, poorly controlled / inadequately controlled / out of control - code to Diabetes, by type, with
  hyperglycemia" E1x.65, added beside the type's other combination codes. The words must be said of the
  diabetes: in a sentence naming it or its glycemic measures (A1c, glucose, sugars). "Uncontrolled" is not read:
  the index sends it to hyperglycemia or hypoglycemia by what it means, which only the provider can say.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.diabetic_complications import TYPE_STATED
from services.coding.domain.laterality import stated_side
from services.coding.domain.note_text import (
    NEGATION,
    before,
    current,
    sentence,
    word_pattern,
)
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "diabetes-control"
Result = tuple[list[Suggestion], list[str]]
_TYPES = ("E10", "E11", "E13")
_UNLINKED = word_pattern(r"unrelated|not related|not due to|secondary to|due to (\w+ ){0,2}(insulin|sulfonylurea|"
                         r"glipizide|glyburide|glimepiride|medication|overdose)")
_COMA = word_pattern(r"coma|comatose")
_EPISODE_BEFORE = word_pattern(r"none since|no more since|no further|(last|past|previous) (week|month|year)|"
                               r"\d+ (days?|weeks?|months?|years?) ago")
_POORLY = word_pattern(r"poorly controlled|poor(ly)? control|inadequately controlled|out of control|"
                       r"suboptimally controlled")
_GLYCEMIC = word_pattern(r"diabet\w*|dm\s?(1|2|i|ii)?|t[12]dm|a1c|hba1c|glucose|sugars?|glycemic|bg")


def _diabetes(suggestions: list[Suggestion]) -> Suggestion | None:
    """The diabetes a complication combines with: the mention that states its type, so an untyped heading
    ("Diabetes visit") beside "T1DM" does not turn a type 1's hypoglycemia into type 2's."""
    found = [s for s in suggestions if s.code[:3] in _TYPES and s.context == "affirmed"]
    return next((s for s in found if TYPE_STATED.search(s.evidence)), found[0] if found else None)


def _with_hypoglycemia(suggestions: list[Suggestion], note: str, tabular, dm: Suggestion) -> Result:
    low = next((s for s in suggestions if s.code == "E16.2" and s.context == "affirmed"), None)
    if low is None or _UNLINKED.search(sentence(note, low.start, low.end)) \
            or any(current(note, m.start(), m.end()) for m in _COMA.finditer(note)):
        return suggestions, []
    code = dm.code[:3] + ".649"
    if not tabular.is_billable(code):
        return suggestions, []
    reason = f"{dm.evidence} with {low.evidence}: {code}, diabetes with hypoglycemia without coma (one code)"
    if dm.code[4:] != "9":
        # a diabetes already coded with another complication (E10.43): its hypoglycemia is one more of its codes,
        # where the note gives it as an ongoing problem, not one episode placed before the visit
        if _EPISODE_BEFORE.search(sentence(note, low.start, low.end)):
            return suggestions, []
        made = low.model_copy(update={"code": code, "description": tabular.description(code), "convention": NAME,
                                      "reason": reason, "confidence": min(dm.confidence, low.confidence)})
        return [*(s for s in suggestions if not _same_low(s, low)), made], [reason]
    made = dm.model_copy(update={"code": code, "description": tabular.description(code), "convention": NAME,
                                 "reason": reason, "confidence": min(dm.confidence, low.confidence)})
    # the same diabetes named twice ("DM visit. ... type 2 DM") is one diabetes, now with hypoglycemia
    return [made, *(s for s in suggestions if s.code != dm.code and not _same_low(s, low))], [reason]


def _same_low(s: Suggestion, low: Suggestion) -> bool:
    """The hypoglycemia named twice ("hypoglycemia overnight, lows to 55") is one, now in the combination code."""
    return s is low or (s.code == low.code and s.context == low.context)


_BREAK = re.compile(r"[.;](?=\s|$)|\n")


def _statement(note: str, start: int, end: int) -> str:
    """The sentence around a span, read past decimal points ("A1c 9.6, poorly controlled")."""
    first = max((m.end() for m in _BREAK.finditer(note, 0, start)), default=0)
    last = _BREAK.search(note, end)
    return note[first:last.start() if last else len(note)]


def _poorly_controlled(suggestions: list[Suggestion], note: str, tabular, dm: Suggestion) -> Result:
    code = dm.code[:3] + ".65"
    said = next((m for m in _POORLY.finditer(note) if not NEGATION.search(before(note, m.start()))
                 and _GLYCEMIC.search(_statement(note, m.start(), m.end()))), None)
    if said is None or any(s.code == code for s in suggestions) or not tabular.is_billable(code):
        return suggestions, []
    reason = f"{said.group(0)}: {code}, the index codes poorly controlled diabetes as with hyperglycemia"
    made = Suggestion(code=code, description=tabular.description(code), confidence=dm.confidence,
                      start=said.start(), end=said.end(), evidence=said.group(0), context="affirmed",
                      convention=NAME, reason=reason)
    return [made, *(s for s in suggestions if s.code != dm.code[:3] + ".9")], [reason]


# "ulcer plantar R 1st metatarsal head": the site written after the ulcer, as a podiatry note lists it
_FOOT_ULCER = word_pattern(r"(diabetic )?(foot|heel|toe|midfoot|forefoot|plantar) ulcers?|ulcers? (of|on) (the )?"
                           r"(\w+ ){0,2}(foot|heel|toe|midfoot|forefoot|sole)|"
                           r"ulcers?,? plantar( (r|l|right|left))?( \w+){0,2}? (heel|midfoot|forefoot|toes?|hallux|"
                           r"(metatarsal|mt|mtp)( heads?| joints?)?|foot)")
_DEPTHS = (("1", r"limited to (the )?breakdown of (the )?skin|skin breakdown only|superficial"),
           ("2", r"fat layer exposed|subcutaneous"), ("3", r"necrosis of muscle|muscle necrosis"),
           ("4", r"necrosis of bone|bone necrosis"), ("5", r"muscle involvement without necrosis"),
           ("6", r"bone involvement without necrosis"))


# an ulcer said to have healed or closed, at any date ("toe ulcer healed in May"), is no current ulcer
_HEALED_AFTER = re.compile(r"^\W*((has|had|is|was|now|fully)\s+)*(healed|closed|resolved)\b", re.IGNORECASE)


def _ulcer_code(text: str) -> str:
    site = "4" if re.search(r"\b(heel|midfoot)\b", text, re.IGNORECASE) else "5"
    side = {"right": "1", "left": "2"}.get(stated_side(text), "9")
    depth = next((digit for digit, words in _DEPTHS if re.search(rf"\b({words})\b", text, re.IGNORECASE)), "9")
    return f"L97.{site}{side}{depth}"


def _with_foot_ulcer(suggestions: list[Suggestion], note: str, tabular, dm: Suggestion) -> Result:
    ulcer = next((m for m in _FOOT_ULCER.finditer(note) if current(note, m.start(), m.end())
                  and not _HEALED_AFTER.search(note[m.end():m.end() + 30])), None)
    if ulcer is None or _UNLINKED.search(sentence(note, ulcer.start(), ulcer.end())):
        return suggestions, []
    code, site = dm.code[:3] + ".621", _ulcer_code(sentence(note, ulcer.start(), ulcer.end()))
    if not (tabular.is_billable(code) and tabular.is_billable(site)) or stated_side(
            sentence(note, ulcer.start(), ulcer.end())) == "bilateral" or any(s.code == code for s in suggestions):
        return suggestions, []
    reason = f"{dm.evidence} with {ulcer.group(0)}: {code}, diabetes with foot ulcer, {site} as its additional code"
    if dm.code[4:] != "9":
        # a diabetes already coded with another complication (E11.42): the ulcer is one more of its codes (guideline
        # I.C.4.a: as many codes as needed to describe all its complications)
        ulcer_codes = [from_rule(code, ulcer, tabular, NAME, reason), from_rule(site, ulcer, tabular, NAME, reason)]
        return [*ulcer_codes, *(s for s in suggestions if not s.code.startswith("L97"))], [reason]
    made = [dm.model_copy(update={"code": code, "description": tabular.description(code), "convention": NAME,
                                  "reason": reason}),
            from_rule(site, ulcer, tabular, NAME, reason)]
    return [*made, *(s for s in suggestions if s is not dm and not s.code.startswith("L97"))], [reason]


# each reading needs one: the hypoglycemia's code, the foot ulcer's words, the poor control's words
@needs(codes=("E16.2",), patterns=(_FOOT_ULCER, _POORLY))
def diabetes_control(suggestions: list[Suggestion], note: str, tabular) -> Result:
    dm = _diabetes(suggestions)
    if dm is None:
        return suggestions, []
    suggestions, low = _with_hypoglycemia(suggestions, note, tabular, dm)
    suggestions, ulcer = _with_foot_ulcer(suggestions, note, tabular, _diabetes(suggestions))
    dm = _diabetes(suggestions)
    suggestions, poor = _poorly_controlled(suggestions, note, tabular, dm)
    return suggestions, [*low, *ulcer, *poor]
