"""A vitamin B12 deficiency named in the sentence of the B12 deficiency anemia it causes ("pernicious anemia with
a neuropathy due to B12 deficiency") is the anemia's own cause, which D51.- already names: E53.8 does not stand
beside it there. A deficiency stated apart from its anemia, in a sentence of its own, is left as it is.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import sentence_start
from services.coding.domain.suggestions import Suggestion

NAME = "deficiency-in-its-anemia"
_B12 = re.compile(r"\b(vitamin )?b-?12\b|\bcobalamin\b", re.IGNORECASE)


@needs(codes=("D51",))
def deficiency_in_its_anemia(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    anemia_sentences = {sentence_start(note, s.start) for s in suggestions
                        if s.code.startswith("D51") and s.context == "affirmed"}
    part = [s for s in suggestions if s.code == "E53.8" and _B12.search(s.evidence)
            and sentence_start(note, s.start) in anemia_sentences]
    if not part:
        return suggestions, []
    return [s for s in suggestions if s not in part], [f"{s.evidence}: the cause of the B12 deficiency anemia in its "
                                                       f"sentence, part of D51.-, not E53.8" for s in part]
