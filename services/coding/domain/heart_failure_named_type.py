"""A heart failure named with its ejection fraction after it is one name: "heart failure with reduced ejection
fraction" (HFrEF, as the shorthand writes it out), "heart failure with preserved EF", "with mildly reduced EF".
The tabular lists those names as inclusion terms of I50.2- and I50.3-, so the words after "heart failure" are its
type, not a clause of their own, and what the note writes after the whole name is said of the heart failure:
"HFrEF not present", "HFpEF?", "HFrEF - resolved", "HFpEF - hx", "HFpEF (remote)" deny, doubt or place it in the
past as "CHF not present" or "CHF - hx" do (guidelines IV.H and IV.J: such a mention is no current condition).

A bracket after the name is left to the readers of what follows it ("HFrEF (EF 30%)", "HFpEF (remote)").
"""
import re

from services.coding.domain.note_text import current

_TYPE_AFTER_NAME = re.compile(r"[ \t]+with[ \t]+(mildly[ \t]+)?(reduced|preserved|mid-?range|recovered|improved)[ \t]+"
                              r"(ejection[ \t]+fraction|ef)\b", re.IGNORECASE)


def end_of_named_type(note: str, end: int) -> int:
    """Where the heart failure name ending at `end` ends once its ejection fraction type is read with it."""
    named = _TYPE_AFTER_NAME.match(note, end)
    return named.end() if named else end


def heart_failure_current(note: str, start: int, end: int) -> bool:
    """`current` for a heart failure mention, its ejection fraction type read as part of its name."""
    return current(note, start, end_of_named_type(note, end))
