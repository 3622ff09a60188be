"""Text a note carries that today's assessment has replaced: a diagnosis an addendum changed, and a block copied
forward from an earlier note.

An EHR note is edited after it is signed ("ADDENDUM 14:10: on re-exam TM normal ... dx changed to acute otitis
externa") and is often built from an earlier one ("[Copied forward from 08/2025] Assessment: asthma exacerbation
... [end copy]"). The first diagnosis, or the earlier visit's episode, is still written in the note, and read
alone it is a current diagnosis; billed, it is a condition the patient does not have today. Which words an
addendum replaces is not always plain (it may change one of several diagnoses), so neither is dropped: each goes
to a coder below the threshold, naming what replaced it or where it was copied from.
"""
import re

from services.coding.domain.note_terms import for_a_coder
from services.coding.domain.suggestions import Suggestion

CHANGED_NAME = "changed-by-addendum"
CHANGED_REASON = ("{code} ({evidence}) is a diagnosis the note later changes ({cue!r} {new}): a coder decides "
                  "whether it still stands")
COPIED_NAME = "copied-forward"
COPIED_REASON = ("{code} ({evidence}) is named only inside text copied from an earlier note ({cue!r}): what it says "
                 "was true then; a coder decides whether it is today's")

# "dx changed to", "diagnosis revised to", "impression amended to", "assessment corrected to"
_CHANGED = re.compile(r"\b(dx|diagnosis|diagnoses|impression|assessment)\s+(was\s+|is\s+)?(changed|revised|amended|"
                      r"corrected|updated)\s+to\b", re.IGNORECASE)
# "[Copied forward from 08/2025]", "copied from note of 3/2", "pasted from prior visit": to its end marker
# ("[end copy]", "end of copied text") or the end of its line. ("Problem list (carried forward)" names no earlier
# note: a list kept current, not copied text.)
_NEW_REACH = 60  # characters from the cue to the new diagnosis it names
_COPIED = re.compile(r"\b(copied|carried|pasted)( forward| over)? from\b[^\n\]]*\]?", re.IGNORECASE)
_COPY_END = re.compile(r"\[?\s*end (of )?(copy|copied)[^\n\]]*\]?|\n", re.IGNORECASE)


def _chapter(code: str) -> str:
    """The ICD-10-CM chapter, near enough: its letter, with D and H split where their chapters are."""
    if code[0] in "DH":
        return code[0] + ("a" if code[1:3] < ("50" if code[0] == "D" else "60") else "b")
    return code[0]


def changed_by_addendum(suggestions: list[Suggestion], note: str) -> list[Suggestion]:
    """A diagnosis written before "dx changed to <new>", of the new diagnosis's chapter, goes to a coder."""
    changes = list(_CHANGED.finditer(note))
    if not changes:
        return suggestions
    out = []
    for s in suggestions:
        change = _changed_after(s, suggestions, changes) if s.context == "affirmed" and s.code[0] != "Z" else None
        if change is not None:
            cue, new = change
            s = for_a_coder(s, CHANGED_NAME, CHANGED_REASON.format(code=s.code, evidence=s.evidence, cue=cue, new=new))
        out.append(s)
    return out


def _changed_after(s: Suggestion, suggestions: list[Suggestion], changes: list[re.Match]) -> tuple[str, str] | None:
    """The first change after the diagnosis whose new diagnosis (the next code named right after the cue) is
    another code of its chapter."""
    for change in changes:
        if s.end > change.start():
            continue
        named = [n for n in suggestions if 0 <= n.start - change.end() <= _NEW_REACH and n.code[0] != "Z"]
        new = min(named, key=lambda n: n.start, default=None)
        if new is not None and new.code != s.code and _chapter(new.code) == _chapter(s.code):
            return change.group(0), new.code
    return None


def copied_forward(suggestions: list[Suggestion], note: str) -> list[Suggestion]:
    """A code named only inside a block copied from an earlier note goes to a coder."""
    blocks = []
    for copied in _COPIED.finditer(note):
        end = _COPY_END.search(note, copied.end())
        blocks.append((copied.end(), end.start() if end else len(note), copied.group(0).strip("[] ")))
    if not blocks:
        return suggestions
    out = []
    for s in suggestions:
        block = next((b for b in blocks if b[0] <= s.start and s.end <= b[1]), None)
        if block is not None and s.context == "affirmed":
            s = for_a_coder(s, COPIED_NAME, COPIED_REASON.format(code=s.code, evidence=s.evidence, cue=block[2]))
        out.append(s)
    return out

