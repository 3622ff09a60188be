"""A substance's "uncomplicated" dependence, abuse or use code where the note finds the patient in withdrawal from
it ("alcohol use disorder, severe ... tremulous, CIWA 14: withdrawal"): guideline I.C.5.b.2 and the combination
codes of F10-F19 bill the two as one, "<substance> dependence with withdrawal", so the uncomplicated code gives way.

Read from the tabular's own titles: the sibling is the code of the same subcategory titled "<stem> with withdrawal"
(", uncomplicated" where the category goes on to name its complications), so no pair is listed by hand. The
withdrawal must be current and affirmed ("no withdrawal signs", "monitor for withdrawal" leave the code); one naming
another substance ("nicotine withdrawal") is that substance's, and a bare "withdrawal" is read only where the note
codes one substance."""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import affirmed_now
from services.coding.domain.suggestions import Suggestion, to_siblings

NAME = "dependence-with-withdrawal"
_UNCOMPLICATED = re.compile(r"^(?P<stem>.+), uncomplicated$", re.IGNORECASE)
_SUBSTANCE_CATEGORIES = tuple(f"F{n}" for n in range(10, 20))
_WITHDRAWAL = re.compile(r"\bwithdrawal\b", re.IGNORECASE)
# the words a clinic names each substance by, keyed by its category
_SUBSTANCE_WORDS = {"F10": "alcohol|etoh|alcoholic", "F11": "opioids?|opiates?|heroin|fentanyl|oxycodone",
                    "F12": "cannabis|marijuana|thc", "F13": "benzodiazepines?|benzos?|sedatives?|alprazolam",
                    "F14": "cocaine|crack", "F15": "stimulants?|amphetamines?|methamphetamine|meth|caffeine",
                    "F17": "nicotine|tobacco|cigarettes?|smoking"}
_NAMED_BEFORE = re.compile(r"\b(" + "|".join(_SUBSTANCE_WORDS.values()) + r")\W+(\w+\W+)?$", re.IGNORECASE)


def _with_withdrawal(code: str, description: str, tabular) -> str | None:
    stated = _UNCOMPLICATED.match(description or "")
    if stated is None or not code.startswith(_SUBSTANCE_CATEGORIES):
        return None
    stem = stated.group("stem").lower()
    wanted = {f"{stem} with withdrawal, uncomplicated", f"{stem} with withdrawal", f"{stem}, with withdrawal"}
    for sibling in (code[:-1] + "3", code[:-1] + "30"):
        if tabular.is_billable(sibling) and tabular.description(sibling).lower() in wanted:
            return sibling
    return None


def _withdrawal_of(note: str, category: str, only_substance: bool) -> bool:
    for found in _WITHDRAWAL.finditer(note):
        start, end = found.span()
        if not affirmed_now(note, start, end):
            continue
        named = _NAMED_BEFORE.search(note[max(0, start - 40):start])
        if named is None and only_substance:
            return True
        if named is not None and re.fullmatch(_SUBSTANCE_WORDS.get(category, "(?!)"), named.group(1), re.IGNORECASE):
            return True
    return False


@needs(codes=_SUBSTANCE_CATEGORIES)
def dependence_withdrawal(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    substances = {s.code[:3] for s in suggestions
                  if s.context == "affirmed" and s.code.startswith(_SUBSTANCE_CATEGORIES)}

    def sibling_for(s: Suggestion) -> tuple[str, str] | None:
        sibling = _with_withdrawal(s.code, s.description, tabular) if s.context == "affirmed" else None
        if sibling is None or not _withdrawal_of(note, s.code[:3], len(substances) == 1):
            return None
        return sibling, f"{s.code} says uncomplicated, the note finds the patient in withdrawal: {sibling}"
    return to_siblings(suggestions, sibling_for, tabular, NAME)
