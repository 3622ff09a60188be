"""A condition a history section names and the assessment treats as current ("PMH: GAD, HTN ... A/P: GAD -
continue sertraline") is one condition, current: its personal history code (Z85-Z87, or I25.2 for an infarction)
beside its current code is dropped. A history code is for a condition that no longer exists and is not treated
(guideline I.C.21.c.4); a malignancy that recurs is coded as the malignancy, not as its history (I.C.2.d).

An episodic condition the history dates, calls old or remote, or says was treated to the end ("PE 2020, completed
warfarin", "old MI") was another episode: its history code stays beside the new one ("old MI; recent NSTEMI" is
I25.2 and I21.4). A history code that many conditions share (Z86.59 for any mental disorder, Z86.73 for a TIA and
a stroke) is dropped only where the history names the current condition in the same words ("PMH: PTSD ... A/P:
MDD, recurrent" keeps Z86.59 for the PTSD).
"""
import re

from services.coding.domain.auto_accept import DEFAULT_THRESHOLD
from services.coding.domain.context_z_codes import history_code
from services.coding.domain.suggestions import Suggestion

BILLED = DEFAULT_THRESHOLD  # a current code held below it leaves the history code to a coder
# personal history of a malignancy -> the current malignancy's categories
CANCER_HISTORY = {
    "Z85.3": ("C50",), "Z85.038": ("C18",), "Z85.048": ("C19", "C20"), "Z85.46": ("C61",), "Z85.118": ("C34",),
    "Z85.43": ("C56",), "Z85.41": ("C53",), "Z85.42": ("C54", "C55"), "Z85.51": ("C67",), "Z85.528": ("C64",),
    "Z85.07": ("C25",), "Z85.028": ("C16",), "Z85.850": ("C73",), "Z85.820": ("C43",), "Z85.828": ("C44",),
    "Z85.71": ("C81",), "Z85.72": ("C82", "C83", "C84", "C85"), "Z85.6": ("C91", "C92", "C93", "C94", "C95"),
}
# history codes of one condition each: the code alone says the current condition is the one the history names
ONE_CONDITION = frozenset({"I25.2", "Z86.711", "Z86.718", "Z86.32", "Z87.442", "Z87.01", "Z87.11", *CANCER_HISTORY})
# episodes that end and come again: a dated or finished one in the history is another episode than today's
EPISODIC = frozenset({"I25.2", "Z86.711", "Z86.718", "Z86.73", "Z86.32", "Z87.01", "Z87.11", "Z87.440",
                      "Z87.442"})
_ANOTHER_EPISODE = re.compile(r"\b((19|20)\d\d|old|remote|prior|previous|completed|finished|resolved|healed|ago|"
                              r"x\s?\d|\d+ (yrs?|years?|mos?|months?) ago)\b", re.IGNORECASE)
_ITEM_EDGE = re.compile(r"[,;:.\n]")
_WORDS = re.compile(r"[a-z0-9]+")
_ONE_NAME = {"cva": "stroke"}  # a cerebrovascular accident is the stroke the history names


def history_beside_current(suggestions: list[Suggestion], note: str) -> list[Suggestion]:
    """Drops each personal history code whose condition the note bills as current elsewhere. Read last, once every
    reading has held its doubtful codes below the threshold: only a current code billed on its own says the
    condition is current ("PE 2019 ... PE, treatment completed" holds the PE and keeps Z86.711)."""
    return [s for s in suggestions if s.context != "history" or _current_of(s, suggestions, note) is None]


def _current_of(history: Suggestion, suggestions: list[Suggestion], note: str) -> Suggestion | None:
    if history.code in EPISODIC and _ANOTHER_EPISODE.search(_item(note, history.start, history.end)):
        return None
    return next((s for s in suggestions if s.context == "affirmed" and s.confidence >= BILLED
                 and not s.code.startswith("Z")
                 and (s.end <= history.start or history.end <= s.start)
                 and _history_of(history.code, s.code)
                 and (history.code in ONE_CONDITION or _named_alike(note, history, s))), None)


def _history_of(history: str, current: str) -> bool:
    return current.startswith(CANCER_HISTORY.get(history, ())) or history_code("history", current) == history


def _named_alike(note: str, history: Suggestion, current: Suggestion) -> bool:
    """The history's words for the condition are among the current mention's ("MDD" in "MDD, recurrent")."""
    named = _names(note[history.start:history.end])
    return bool(named) and named <= _names(note[current.start:current.end])


def _names(text: str) -> set[str]:
    return {_ONE_NAME.get(word, word) for word in _WORDS.findall(text.lower())}


def _item(note: str, start: int, end: int) -> str:
    """The list item the mention stands in: from the separator before it to the one after it."""
    before = [m.end() for m in _ITEM_EDGE.finditer(note, 0, start)]
    after = _ITEM_EDGE.search(note, end)
    return note[before[-1] if before else 0:after.start() if after else len(note)]
