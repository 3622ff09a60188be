"""The partners the hypertensive combinations' "use additional code" notes ask for: I11.0, I13.0 and I13.2 "to
identify type of heart failure (I50.-)", I13.0 and I13.10 "to identify the stage of chronic kidney disease (N18.1-
N18.4, N18.9)". A combination is not billed alone: where the note names the heart failure or the kidney disease
and states no type or stage anywhere (no code of that category read current), the partner is the unspecified code
(I50.9, N18.9), made on the combination's words at its confidence in place of one held for a coder. A typed heart
failure or a staged kidney disease already coded is the partner, and nothing is added.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import sentence
from services.coding.domain.suggestions import Suggestion

NAME = "hypertensive-combination-partner"
# (combinations asking for the partner, the partner's category, its unspecified code, the words that name it, and
# the words of a type or stage the note states, which a coder reads rather than the unspecified code)
PARTNERS = (
    (("I11.0", "I13.0", "I13.2"), "I50", "I50.9",
     re.compile(r"\b(heart failure|cardiac failure|chf|hf)\b", re.IGNORECASE),
     re.compile(r"\b(systolic|diastolic|hf[rpm]+ef|ejection fraction|ef\W{0,3}\d+|lvef|right[- ]sided|"
                r"right heart|biventricular|high[- ]output)\b", re.IGNORECASE)),
    (("I13.0", "I13.10"), "N18", "N18.9",
     re.compile(r"\b(chronic kidney disease|chronic renal disease|ckd|kidney disease)\b", re.IGNORECASE),
     re.compile(r"\b(stage|ckd|chronic kidney disease|g)\W{0,3}([1-5]|iv|v|i{1,3})[ab]?\b|"
                r"\besrd\b|\bend[- ]stage\b|\begfr\b", re.IGNORECASE)),
)


def _affirmed(s: Suggestion) -> bool:
    return s.context == "affirmed"


def _partnered(suggestions: list[Suggestion], note: str, tabular, combinations: tuple[str, ...], category: str,
               unspecified: str, words: re.Pattern, detail: re.Pattern) -> tuple[list[Suggestion], str | None]:
    combination = next((s for s in suggestions if s.code in combinations and _affirmed(s)), None)
    if combination is None or not tabular.is_billable(unspecified):
        return suggestions, None
    held = [s for s in suggestions if s.code == unspecified and s.confidence < combination.confidence]
    if any(s.code.startswith(category) and _affirmed(s) and s not in held for s in suggestions):
        return suggestions, None
    if not words.search(sentence(note, combination.start, combination.end)) or detail.search(note):
        return suggestions, None
    reason = f"{combination.evidence}: {combination.code}'s note asks for {category}.-, none typed: {unspecified}"
    made = Suggestion(code=unspecified, description=tabular.description(unspecified),
                      confidence=combination.confidence, start=combination.start, end=combination.end,
                      evidence=combination.evidence, context="affirmed", convention=NAME, reason=reason)
    return [*(s for s in suggestions if s not in held), made], reason


@needs(codes=tuple(code for combinations, *_ in PARTNERS for code in combinations))
def hypertensive_partners(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    reasons = []
    for partner in PARTNERS:
        suggestions, reason = _partnered(suggestions, note, tabular, *partner)
        if reason:
            reasons.append(reason)
    return suggestions, reasons
