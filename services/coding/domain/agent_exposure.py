"""Exposure to a hazardous agent at home or in the surroundings: a status Z code by the agent, not by a disease.

The index reads "Exposure (to)" by the agent: lead Z77.011, mold (toxic) Z77.120, asbestos Z77.090. A note says it
as "lead exposure", "exposure to lead paint", "exposed to asbestos" or, for mold, by where it grows ("black mold in
her basement"). The category's Excludes2 sends an exposure at work to Z57.- ("occupational exposure to risk
factors"), which `social_determinants` reads from the work words; an exposure whose sentence places it at work now
is left to that reading, while a past trade's exposure ("asbestos exposure as a pipefitter in his 20s") stays Z77.
A denied exposure, or one only screened for or asked about ("lead exposure risk: none", "screening for lead
exposure"), gets none.
"""
import re

from services.coding.domain.convention_gates import any_of, needs
from services.coding.domain.note_text import negated_before, sentence
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.smoke_exposure import AT_WORK
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "hazardous-agent-exposure"

_ASKED_AFTER = r"(?!\s*(risk|screen\w*|questionnaire|assessment|[:\-]?\s*(none|no|neg\w*|denie\w*)\b))"
# "Dx: screening for lead exposure", "risk of mold exposure": the exposure is what is looked for, not found
_LOOKED_FOR_BEFORE = re.compile(r"\b(screen(ing|ed)?|test(ing|ed)?|risk|assess(ment|ed)?|r/o|rule out|evaluat\w+)\s+"
                                r"(for\s+|of\s+)?(\w+\s+)?$", re.IGNORECASE)
_PLACE = r"(his|her|their|the) (\w+ )?(home|house|apartment|basement|bedroom|bathroom|room|walls?)"


def _exposure(agent: str, *, by_place: bool = False) -> re.Pattern:
    """The ways a note words an exposure to the agent; mold also by the place it grows."""
    place = rf"|({agent}) (in|on|throughout) {_PLACE}" if by_place else ""
    return _rx(rf"(exposures? to|exposed to) ({agent})|({agent}) exposure{_ASKED_AFTER}{place}")


# (code, the note's words for the agent's exposure, the tabular's title)
AGENTS: tuple[tuple[str, re.Pattern, str], ...] = (
    ("Z77.011", _exposure(r"lead( paint| pipes?| dust)*( dust)?"), "exposure to lead"),
    ("Z77.120", _exposure(r"(black |toxic )?mold", by_place=True), "exposure to mold (toxic)"),
    ("Z77.090", _exposure(r"asbestos"), "exposure to asbestos"),
)
_ANY_AGENT = any_of(pattern for _, pattern, _ in AGENTS)
_OCCUPATIONAL = "Z57"


@needs(patterns=(_ANY_AGENT,))
def agent_exposure(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    made = []
    for code, pattern, title in AGENTS:
        if any(s.code == code for s in suggestions) or not tabular.is_billable(code):
            continue
        match = next((m for m in pattern.finditer(note) if _at_home(note, m, suggestions)), None)
        if match is not None:
            made.append(from_rule(code, match, tabular, NAME, f"{match.group(0)}: {code}, {title}"))
    return [*suggestions, *made], [s.reason for s in made]


def _at_home(note: str, match: re.Match, suggestions: list[Suggestion]) -> bool:
    """Stated, and not the exposure at work the sentence or an occupational code already holds."""
    said = sentence(note, match.start(), match.end())
    looked_for = _LOOKED_FOR_BEFORE.search(note[max(0, match.start() - 40):match.start()])
    if negated_before(note, match.start()) or looked_for or re.match(r"no\b", match.group(0), re.IGNORECASE):
        return False
    occupational = any(s.code.startswith(_OCCUPATIONAL) and s.evidence and s.evidence in said for s in suggestions)
    return not (occupational or AT_WORK.search(said))
