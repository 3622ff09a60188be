"""What goes with a cancer the note places in the past (a Z85.- personal history code already read).

The treatment it had: chemotherapy or radiation the same account says was given is the personal history of that
treatment (index: History, personal, chemotherapy for neoplastic condition Z92.21; irradiation Z92.3), coded
beside Z85.- because it bears on the patient's later care. Not a course the sentence says is current, planned,
declined or not given ("no chemo or radiation"), and not pain "with radiation to the arm". Radioiodine, for a
cancer or not, is `radioiodine_history`'s.

The visit it is: a surveillance of that cancer (guideline I.C.21.c.8) is a follow-up examination after completed
treatment for a malignant neoplasm, Z08, with the Z85.- code; not "active surveillance", which watches a cancer
still there, nor one the note says is due later. A denial earlier in the sentence ("no evidence of disease,
surveillance", "no further tx, surveillance") is of its own list item, not of the surveillance.
"""
import re

from services.coding.domain.note_text import NEGATION, before, sentence, sentence_end, sentence_start
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "cancer-history"

_TREATMENTS = ((_rx(r"chemo\w*"), "Z92.21", "personal history of antineoplastic chemotherapy"),
               (_rx(r"radiation|radiotherapy|irradiation|xrt"), "Z92.3",
                "personal history of irradiation"))
_NOT_GIVEN = _rx(r"undergoing|receiving|currently|ongoing|on|starting|start|to start|will|planned|plan|scheduled|"
                 r"referred|recommended|consider\w*|declined|refused|candidate|cycle|during")
_RADIATING = re.compile(r"\bradiation (to|into|down) (the )?(arm|leg|back|jaw|neck|shoulder|buttock|groin|chest wall)",
                        re.IGNORECASE)
_SURVEILLANCE = _rx(r"surveillance")
# not the visit's reason: a cancer watched in place, or a surveillance due later or named as the patient's status
_NOT_THIS_VISIT = _rx(r"active surveillance|watchful waiting|on surveillance|due|next|scheduled|planned|will")


def cancer_history(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    past = [s for s in suggestions if s.code.startswith("Z85")]
    if not past:
        return suggestions, []
    made = _treatments_given(past, note, suggestions, tabular) + _surveillance(note, suggestions, tabular)
    return [*made, *suggestions], [s.reason for s in made]


def _treatments_given(past: list[Suggestion], note: str, suggestions: list[Suggestion],
                      tabular) -> list[Suggestion]:
    coded = {s.code for s in suggestions}
    made = []
    accounts = {(sentence_start(note, s.start), sentence_end(note, s.end)) for s in past}
    for first, last in sorted(accounts):
        for words, code, what in _TREATMENTS:
            if code in coded:
                continue
            match = next((m for m in words.finditer(note, first, last) if _given(note, m)), None)
            if match and tabular.is_billable(code):
                made.append(from_rule(code, match, tabular, NAME, f"{match.group(0)} for a past cancer: {code}, {what}",
                                      context="history"))
                coded.add(code)
    return made


def _given(note: str, match: re.Match) -> bool:
    ahead = before(note, match.start())
    return not NEGATION.search(ahead) and not _NOT_GIVEN.search(ahead[-30:]) and not _RADIATING.match(
        note, match.start()) and not _NOT_GIVEN.search(note[match.end():sentence_end(note, match.end())][:20])


# the list items of a sentence: "prostate ca s/p RALP 2021, no further tx, surveillance"
_ITEM_SEPARATOR = re.compile(r"[,;]|\s-\s")


def _denied_in_its_item(note: str, match: re.Match) -> bool:
    said = before(note, match.start())
    return bool(NEGATION.search(said[max((m.end() for m in _ITEM_SEPARATOR.finditer(said)), default=0):]))


def _surveillance(note: str, suggestions: list[Suggestion], tabular) -> list[Suggestion]:
    if any(s.code in ("Z08", "Z09") or (s.code.startswith("C") and s.code != "C80.1" and s.context == "affirmed")
           for s in suggestions):
        return []
    match = next((m for m in _SURVEILLANCE.finditer(note) if not _NOT_THIS_VISIT.search(
        sentence(note, m.start(), m.end())) and not _denied_in_its_item(note, m)), None)
    if match is None or not tabular.is_billable("Z08"):
        return []
    return [from_rule("Z08", match, tabular, NAME, f"{match.group(0)} of a past cancer: Z08, follow-up examination "
                                                   "after completed treatment for a malignant neoplasm")]
