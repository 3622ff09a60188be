"""An arrest of a body's function is no legal circumstance.

The index's "Arrest" files the bare word under legal circumstances (Z65.3), but a note's "cardiac arrest",
"respiratory arrest" or an EEG's "behavioral arrest" names a function that stopped: the word reads as the legal
problem only where nothing before it names such a function.
"""
import re

from services.coding.domain.suggestions import Suggestion

NAME = "bodily-arrest"
_LEGAL_CIRCUMSTANCES = "Z65.3"
_FUNCTION_BEFORE = re.compile(r"\b(cardiac|heart|cardiopulmonary|cardiorespiratory|respiratory|pulmonary|"
                              r"circulatory|sinus|asystolic|pea|vf|vt|behaviou?ral|motor|speech|growth|"
                              r"developmental|maturation|epiphyseal|labou?r)\s*(\(\w+\)\s*)?$", re.IGNORECASE)


def bodily_arrest(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    kept, reasons = [], []
    for s in suggestions:
        if s.code == _LEGAL_CIRCUMSTANCES and _FUNCTION_BEFORE.search(note, max(0, s.start - 40), s.start):
            reasons.append(f"{s.evidence}: a body function that stopped, not {s.code}")
            continue
        kept.append(s)
    return kept, reasons
