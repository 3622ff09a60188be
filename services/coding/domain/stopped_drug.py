"""A drug named and then said to be stopped: "metformin stopped", "warfarin discontinued 2023", "lisinopril held".

Lists and plans write the stop after the drug as often as before it ("off metformin"); the drug is then not taken,
so it is no long-term (current) drug therapy (Z79.-), even where the clause dates it ("since 2023", "x 5 years"),
which the long-term reading otherwise takes as its cue.
"""
import re

_STOPPED_RIGHT_AFTER = re.compile(r"[^\w.;,]{0,3}(?:(?:was|were|has been|have been|since|then|now|later) )?"
                                  r"(?:stopped|discontinued|d/c'?d|dc'?d|ceased|held|withdrawn|tapered off)\b"
                                  r"(?!\s+\w+ing\b)", re.IGNORECASE)


def stopped_right_after(note: str, end: int) -> bool:
    """The words right after a drug's name (ending at note[end]) say it was stopped; not a stop of something else
    in the next item ("atorvastatin, stopped smoking")."""
    return bool(_STOPPED_RIGHT_AFTER.match(note, end, end + 40))
