"""COPD with an acute bronchitis or another acute lower respiratory infection is the index's "Disease, lung,
obstructive (chronic), with, acute bronchitis" and "with, lower respiratory infection": J44.0, the infection
coded also (its "use additional code" note), and beside an exacerbation J44.1 as well (the guideline codes both).
A pneumonia is read so by `pneumonia_organism`; this reads the bronchitis (J20.-), bronchiolitis (J21.-) and the
unspecified acute lower respiratory infection (J22) the note states as current. The infection so named is the code
J44.0's note asks for, not a bare default entry left for a coder to confirm.
"""
from services.coding.domain.suggestions import Suggestion

NAME = "copd-with-infection"
COPD_WITH_INFECTION = "J44.0"
_ACUTE_LOWER_INFECTIONS = ("J20", "J21", "J22")


def _current(s: Suggestion) -> bool:
    return s.context == "affirmed"


def _infection_named(suggestions: list[Suggestion], infection: Suggestion) -> list[Suggestion]:
    """The infection as J44.0's additional code, read by this rule rather than by its bare default entry."""
    if infection.convention is not None:
        return suggestions
    named = infection.model_copy(update={"convention": NAME, "reason": f"{infection.evidence}: the infection of a "
                                         f"COPD, coded beside {COPD_WITH_INFECTION} as its note asks"})
    return [named if s is infection else s for s in suggestions]


def copd_with_infection(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    infection = next((s for s in suggestions if s.code.startswith(_ACUTE_LOWER_INFECTIONS) and _current(s)), None)
    if infection is None or not tabular.is_billable(COPD_WITH_INFECTION):
        return suggestions, []
    if any(s.code == COPD_WITH_INFECTION for s in suggestions):
        return _infection_named(suggestions, infection), []
    copd = next((s for s in suggestions if s.code == "J44.9" and _current(s)), None)
    exacerbation = next((s for s in suggestions if s.code == "J44.1" and _current(s)), None)
    if copd is None and exacerbation is None:
        return suggestions, []
    suggestions = _infection_named(suggestions, infection)
    description = tabular.description(COPD_WITH_INFECTION)
    if copd is not None:
        reason = f"{copd.evidence} with {infection.evidence}: COPD with an acute lower respiratory infection " \
                 f"({COPD_WITH_INFECTION}), {infection.code} as its additional code"
        made = copd.model_copy(update={"code": COPD_WITH_INFECTION, "description": description, "convention": NAME,
                                       "reason": reason})
        return [made if s is copd else s for s in suggestions], [reason]
    reason = f"{exacerbation.evidence} with {infection.evidence}: COPD with an exacerbation and an acute lower " \
             f"respiratory infection, {COPD_WITH_INFECTION} beside J44.1"
    made = exacerbation.model_copy(update={"code": COPD_WITH_INFECTION, "description": description,
                                           "convention": NAME, "reason": reason})
    return [*suggestions, made], [reason]
