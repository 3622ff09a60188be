"""What the index finds around an injury that a coder would not report (guidelines I.C.19, I.C.20), and a healed
fracture in the past (Z87.8-):

- "Injury, unspecified" (T14.90) on a word such as "twisting injury" beside a specific injury code the note
  supports, and "Unspecified injury of <site>" (S99.912A on "inversion injury L ankle") beside a specific injury of
  the same body region: the same injury, less specific.
- Y93.9 "Activity, unspecified", Y92.9 "Unspecified place" and Y99.9 "Unspecified external cause status": the
  guidelines say not to assign them when the activity, place or status is not stated, which is what the word
  "activity" or "place" alone gives.
- "Callus" L84 (corns and callosities) where the sentence is about bone ("bridging callus on XR"): the index
  sends a bone callus elsewhere.
- "h/o L wrist fx, healed": a fracture in the past, not under care, is Z87.81 personal history of (healed)
  traumatic fracture, Z87.310 where the sentence calls it osteoporotic or a fragility fracture (or one from a fall
  from standing height, in a note that names the osteoporosis), Z87.312 a stress fracture, Z87.311 another
  pathological one.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.form_answers import ANSWERED_NO_AFTER
from services.coding.domain.injury_sequela import dated_from_by_a_late_effect
from services.coding.domain.note_text import FAMILY, NEGATION, after, before, sentence
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "injury-specificity"
_UNSTATED_EXTERNAL = ("Y93.9", "Y92.9", "Y99.9")
_BONE = re.compile(r"\b(bridging|bony|bone|fracture|fx|x-?ray|xr|radiograph\w*|periosteal)\b", re.IGNORECASE)
# "old" of a fracture, not of a patient's age ("9-year-old boy, torus fracture")
_PAST_FRACTURE = re.compile(r"\b(h/o|hx of|history of|healed|remote|(?<!-)(?<!year )(?<!month )(?<!week )(?<!day )old|"
                            r"prior|previous)\b[^.;\n]{0,40}?"
                            r"\b(fracture[sd]?|fx)\b|\b(fracture[sd]?|fx)\b[^.;\n]{0,60}?\bhealed\b", re.IGNORECASE)
_STILL_TREATED = re.compile(r"\b(healing|cast|splint|boot|sequelae?|late effects?|post-?traumatic|malunion|nonunion|f/u|"
                            r"follow[- ]?up|current)\b", re.IGNORECASE)
_STRESS = re.compile(r"\bstress fracture", re.IGNORECASE)
_PATHOLOGICAL = re.compile(r"\bpathologic(al)? fracture", re.IGNORECASE)
_ANSWERED_NO = re.compile(ANSWERED_NO_AFTER, re.IGNORECASE)  # "Prior fractures: No"
_OSTEOPOROTIC = re.compile(r"\b(osteoporotic|fragility|insufficiency)\b", re.IGNORECASE)
# a fracture from a fall from standing height or less is, by definition, a fragility fracture: in a note that names
# the osteoporosis, its history is Z87.310 ("Hx of L distal radius fx from fall from standing ... osteoporosis")
_LOW_ENERGY = re.compile(r"\b(fall from (a )?standing( height)?|(ground[- ]level|standing[- ]height) fall|low[- ](energy|trauma)|"
                         r"minimal trauma)\b", re.IGNORECASE)
_OSTEOPOROSIS = re.compile(r"\bosteoporo\w*", re.IGNORECASE)


def _specific_injury(code: str) -> bool:
    return code[0] == "S" or (code[0] == "T" and not code.startswith("T14"))


def _unspecified_injury(code: str, tabular) -> bool:
    return code[0] == "S" and tabular.description(code).lower().startswith("unspecified injury of")


def _beside_a_specific_one(s: Suggestion, suggestions: list[Suggestion], tabular) -> bool:
    """"Unspecified injury of left ankle" (S99.912A, on "inversion injury L ankle") beside a specific injury of the
    same body region (S90-S99: "sprain of anterior talofibular ligament, L ankle"): the same injury, less specific."""
    return _unspecified_injury(s.code, tabular) and any(
        o.code[:2] == s.code[:2] and o.context == "affirmed" and not _unspecified_injury(o.code, tabular)
        for o in suggestions)


# the word every past fracture's match holds: its gate's (the cue words `required_literals` reads from the whole
# pattern, "history of", "old", are in most notes)
_FRACTURE_WORD = re.compile(r"\b(fracture[sd]?|fx)\b", re.IGNORECASE)


# it drops only these codes (an unspecified injury of a site is an S code) and adds only a fracture history
@needs(codes=(*_UNSTATED_EXTERNAL, "T14.9", "L84", "S"), patterns=(_FRACTURE_WORD,))
def injury_specificity(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    specific = any(_specific_injury(s.code) and s.context == "affirmed" for s in suggestions)
    dropped = [s for s in suggestions
               if s.code.startswith(_UNSTATED_EXTERNAL) or (specific and s.code.startswith("T14.9"))
               or (s.code == "L84" and _BONE.search(sentence(note, s.start, s.end)))
               or _beside_a_specific_one(s, suggestions, tabular)]
    kept = [s for s in suggestions if s not in dropped]
    reasons = [f"{s.evidence}: {s.code} not reported beside what the note states" for s in dropped]
    history = _fracture_history(note, kept, tabular)
    if history is not None:
        here = sentence(note, history.start, history.end)
        kept = [s for s in kept if not (s.code[0] == "S" and sentence(note, s.start, s.end) == here)]
        kept.append(history)
        reasons.append(history.reason)
    return kept, reasons


def _fracture_history(note: str, suggestions: list[Suggestion], tabular) -> Suggestion | None:
    for match in _PAST_FRACTURE.finditer(note):
        text, prefix = sentence(note, match.start(), match.end()), before(note, match.start())
        # a healed fracture a present condition dates from, in a note naming it a late effect, is its sequela's cause
        if _STILL_TREATED.search(text) or NEGATION.search(prefix) or FAMILY.search(text) \
                or _ANSWERED_NO.search(after(note, match.end())) or dated_from_by_a_late_effect(note, prefix):
            continue
        fragility = _OSTEOPOROTIC.search(text) or (_LOW_ENERGY.search(text) and _OSTEOPOROSIS.search(note))
        code = "Z87.310" if fragility else healed_fracture_history(text)[0]
        if any(s.code == code for s in suggestions):
            return None
        return from_rule(code, match, tabular, NAME, f"{match.group(0)}: {code}, a healed fracture in the past",
                         context="history")
    return None


def healed_fracture_history(text: str) -> tuple[str, str]:
    """A healed fracture's personal history code and index entry where its sentence (`text`) calls it no fragility
    fracture: a stress or another pathological fracture is no trauma's."""
    if _STRESS.search(text):
        return "Z87.312", "History, personal, fracture, stress"
    if _PATHOLOGICAL.search(text):
        return "Z87.311", "History, personal, fracture, pathological NEC"
    return "Z87.81", "History, personal, fracture, traumatic"
