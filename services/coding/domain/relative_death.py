"""A relative's death is not by itself a family history of sudden cardiac death: Z82.41, whose own title the note's
"death" matches beside a relative ("anhedonia after the death of her father"), is kept only where the death is
called sudden or cardiac ("mother died of sudden cardiac death at 45", "uncle, SCD at 40"). A bereavement the note
tells is the patient's circumstance, not the relative's disease."""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import sentence
from services.coding.domain.suggestions import Suggestion

SUDDEN_CARDIAC_DEATH_HISTORY = "Z82.41"
_SUDDEN_OR_CARDIAC = re.compile(r"\b(sudden|cardiac|heart|arrhythmic|scd)\b", re.IGNORECASE)


@needs(codes=(SUDDEN_CARDIAC_DEATH_HISTORY,))
def relative_death(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    dropped = [s for s in suggestions if s.code == SUDDEN_CARDIAC_DEATH_HISTORY
               and not _SUDDEN_OR_CARDIAC.search(sentence(note, s.start, s.end))]
    return ([s for s in suggestions if s not in dropped],
            [f"{s.evidence}: a relative's death not called sudden or cardiac, not Z82.41" for s in dropped])
