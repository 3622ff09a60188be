""""Falling asleep" is sleep, not a fall: the index's "Falling" (R29.6, repeated falls) found on "difficulty
falling asleep" or "trouble falling and staying asleep" is dropped, whatever sentence it stands in."""
import re

from services.coding.domain.suggestions import Suggestion

_ASLEEP_AFTER = re.compile(r"\s+(and staying |or staying |and remaining )?(back )?asleep\b", re.IGNORECASE)


def falling_asleep(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    dropped = [s for s in suggestions if s.code == "R29.6" and s.evidence.lower().endswith("falling")
               and _ASLEEP_AFTER.match(note, s.end)]
    return ([s for s in suggestions if s not in dropped],
            [f"{s.evidence} asleep: sleep onset, not repeated falls R29.6" for s in dropped])
