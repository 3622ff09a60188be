"""Confidences as measured on notes no rule had been written for, where they fell short of the auto-accept bar.

An unspecified code reached through an index inclusion term or through a term with its qualifiers left out
("chronic PTSD" -> F43.10, "anemia secondary to chronic blood loss" -> D50.9), and left as matched by every
convention, was right 6 times in 10 on such notes: the note often says more than the entry that matched it,
so the specific code a coder would choose is missed. Its confidence is set below the threshold so a coder
confirms it. A code matched by its own description, or one a convention made, is not touched. Only ever
lowered: a confidence raised on a small set would buy recall with the very overfitting this corrects.
"""
from services.coding.domain.note_terms import CONFIDENCE, UNDER_SPECIFIED_CONFIDENCE
from services.coding.domain.suggestions import Suggestion

NAME = "unspecified-from-index-entry"
LOWERED_KINDS = ("inclusion", "default")  # the index entry kinds whose unspecified codes fell short
REASON = ("an unspecified code found through an index inclusion term or a term without its qualifiers: a coder "
          "checks whether the note documents a more specific code")


def calibrated(suggestions: list[Suggestion]) -> list[Suggestion]:
    return [s.model_copy(update={"confidence": min(s.confidence, UNDER_SPECIFIED_CONFIDENCE), "convention": NAME,
                                 "reason": REASON}) if _unspecified_from_entry(s) else s for s in suggestions]


def _unspecified_from_entry(s: Suggestion) -> bool:
    """Affirmed, no convention made or changed it, matched through an entry other than the code's description,
    and the code is the unspecified one of its kind."""
    return (s.convention is None and s.context == "affirmed"
            and s.confidence in {CONFIDENCE[kind] for kind in LOWERED_KINDS}
            and "unspecified" in s.description.lower())
