"""A vertebra that collapsed in a patient with osteoporosis: "Osteoporosis with current pathological fracture,
vertebra(e)" M80.08X- (M80.88X- for other osteoporosis), the index's "Collapse, vertebra, in osteoporosis" and
"Fracture, pathological, due to osteoporosis, vertebra"; guideline I.C.13.d.2 codes a fracture of osteoporotic bone
to M80 whatever the minor trauma the note tells ("after lifting a box"), and M80 replaces M81, which excludes it.

A compression fracture names no traumatic code of its own, so the traumatic-fracture reading never meets it. Here
the sentence that names it must place it in the spine (a level such as T12 or L1, "vertebral", "spine", "lumbar")
and say its encounter: new, acute, current or just found is the initial encounter (A), healing the subsequent one
with routine healing (D); with neither, the osteoporosis code stays for a coder. A fracture the sentence calls healed
or places under a history cue ("Hx of T12 compression fx 2022, healed") is a personal history, read elsewhere.
"""
import re

from services.coding.domain.note_text import HISTORY, sentence
from services.coding.domain.suggestions import RULE_CONFIDENCE, Suggestion

NAME = "osteoporotic-vertebra"
REASON = ("{words!r} with {osteoporosis}: a vertebra collapsed in osteoporotic bone is {code}, a current "
          "pathological fracture ({encounter}), in place of the osteoporosis code")
_KIND = {"M81.0": "M80.0", "M81.8": "M80.8"}
_COLLAPSE = re.compile(r"\b(compression (fracture|fx)s?|vertebral collapse|collapsed vertebra)\b", re.IGNORECASE)
_SPINE = re.compile(r"\b([tl]\d{1,2}|vertebrae?|vertebral|spine|spinal|thoracic|lumbar|thoracolumbar)\b",
                    re.IGNORECASE)
_INITIAL = re.compile(r"\b(new|acute|current|recent|just found|found|seen on|diagnosed)\b", re.IGNORECASE)
_SUBSEQUENT = re.compile(r"\b(routine healing|healing|brace off|out of (the )?brace)\b", re.IGNORECASE)
_OVER = re.compile(r"\b(healed|old|chronic|remote)\b", re.IGNORECASE)


def osteoporotic_vertebra(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    osteoporosis = next((s for s in suggestions if s.code in _KIND and s.context == "affirmed"), None)
    if osteoporosis is None or any(s.code.startswith("M80") for s in suggestions):
        return suggestions, []
    for collapse in _COLLAPSE.finditer(note):
        whole = sentence(note, collapse.start(), collapse.end())
        if not _SPINE.search(whole) or HISTORY.search(whole) or _OVER.search(whole):
            continue
        encounter = _encounter(whole)
        code = f"{_KIND[osteoporosis.code]}8X{encounter}" if encounter else None
        if code is None or not tabular.is_billable(code):
            continue
        meaning = "initial encounter" if encounter == "A" else "subsequent encounter, routine healing"
        reason = REASON.format(words=collapse.group(0), osteoporosis=osteoporosis.code, code=code, encounter=meaning)
        made = Suggestion(code=code, description=tabular.description(code),
                          confidence=min(RULE_CONFIDENCE, osteoporosis.confidence), start=collapse.start(),
                          end=collapse.end(), evidence=collapse.group(0), context="affirmed", convention=NAME,
                          reason=reason)
        return [*(s for s in suggestions if s.code != osteoporosis.code), made], [reason]
    return suggestions, []


def _encounter(whole: str) -> str | None:
    """A or D as the sentence words the fracture's stage; both or neither is a question for a coder."""
    initial, subsequent = _INITIAL.search(whole), _SUBSEQUENT.search(whole)
    if bool(initial) == bool(subsequent):
        return None
    return "A" if initial else "D"
