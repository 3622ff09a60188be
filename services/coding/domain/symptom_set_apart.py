"""A symptom the note itself sets apart from the diagnosis beside it (guideline IV.D: signs and symptoms not
routinely associated with a confirmed diagnosis are coded, as is one that is the reason for a separate work-up).

A symptom beside a confirmed diagnosis is held for a coder because it may be part of that diagnosis in words no
rule knows. Where the writer says it is not ("unrelated", "separately", "incidentally", "a new complaint", "not
explained by this"), there is nothing left for the coder to judge:
the symptom keeps the confidence its words earned. The words are read in the symptom's own sentence only;
a bare "also" is not read so ("Also numbness of both feet ... Impression: diabetic neuropathy"), nor a pain
"unrelated to meals" or "to exertion", which describes the pain.
"""
import re

from services.coding.domain.note_text import sentence

_SET_APART = re.compile(
    r"\b(?:unrelated(?! to (?:meals?|food|eating|exertion|activity|position|posture|movement|breathing))|"
    r"separately|separate (?:problem|issue|complaint)|incidentally|new complaint|not (?:explained by|part of)|"
    r"different from (?:her|his|their|the) usual)\b",
    re.IGNORECASE)


def set_apart(note: str, start: int, end: int) -> bool:
    """The symptom's sentence says it is a separate problem from the diagnosis beside it."""
    return _SET_APART.search(sentence(note, start, end)) is not None
