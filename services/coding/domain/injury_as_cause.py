"""An injury the note names as the cause of a present condition ("chest wall pain, a late effect of rib fractures",
"headaches since a concussion") is that condition's cause, coded with the 7th character S (guideline I.C.19.a),
not a healed injury of the past: the personal history code (Z87.81 fracture, Z87.820 brain injury) the index's
History entry gave it is dropped. "No sequelae", "without residual" leave the history code as it is."""
import re

from services.coding.domain.note_text import before
from services.coding.domain.suggestions import Suggestion

NAME = "injury-as-cause"
INJURY_HISTORY = ("Z87.81", "Z87.820")
# the words right before the injury: a present condition's cause, not its past
_CAUSE_BEFORE = re.compile(r"\b(late effects? of|sequelae? of|residual of|since|caused by|due to|result(ing)? "
                           r"(of|from)|secondary to)\s+(an? |the |her |his |multiple |old |prior |(left|right) )*"
                           r"(\w+ ){0,2}$", re.IGNORECASE)
# or anywhere in the note as a late effect's cause ("... a late effect of rib fractures; the fractures healed")
_LATE_EFFECT_OF_INJURY = re.compile(r"\b(late effects? of|sequelae? of)\s+(\w+ ){0,4}(fractures?|fx|injury|injuries|"
                                    r"concussion|tbi)\b", re.IGNORECASE)
_NO_RESIDUAL = re.compile(r"\b(no|without|w/o)\s+(\w+ )?(sequelae?|residual|late effects?)\b", re.IGNORECASE)


def injury_as_cause(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    if not any(s.code in INJURY_HISTORY for s in suggestions):
        return suggestions, []
    late_effect = any(not _NO_RESIDUAL.search(before(note, m.start()) + m.group(0))
                      for m in _LATE_EFFECT_OF_INJURY.finditer(note))
    dropped = [s for s in suggestions if s.code in INJURY_HISTORY and not _NO_RESIDUAL.search(before(note, s.start))
               and (late_effect or _CAUSE_BEFORE.search(before(note, s.start)))]
    reasons = [f"{s.evidence}: the cause of a present condition (its sequela), not {s.code}" for s in dropped]
    return [s for s in suggestions if s not in dropped], reasons
