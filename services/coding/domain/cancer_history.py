"""What goes with a cancer the note places in the past (a Z85.- personal history code already read).

The treatment it had: chemotherapy or radiation the same account says was given is the personal history of that
treatment (index: History, personal, chemotherapy for neoplastic condition Z92.21; irradiation Z92.3), coded
beside Z85.- because it bears on the patient's later care. Not a course the sentence says is current, planned,
declined or not given ("no chemo or radiation"), and not pain "with radiation to the arm". A cancer still
treated (on an aromatase inhibitor) has its completed radiation read as well; its chemotherapy is not. Radioiodine, for a
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

# chemotherapy by its word or a regimen's name ("adjuvant FOLFOX completed 2023", "treated with ABVD")
_RADIATION = _rx(r"radiation|radiotherapy|irradiation|xrt")
_TREATMENTS = ((_rx(r"chemo\w*|folfox|folfiri|folfirinox|capox|xelox|abvd|r-chop"), "Z92.21",
                "personal history of antineoplastic chemotherapy"),
               (_RADIATION, "Z92.3", "personal history of irradiation"))
_NOT_GIVEN = _rx(r"undergoing|receiving|currently|ongoing|on|starting|start|to start|will|planned|plan|scheduled|"
                 r"referred|recommended|consider\w*|declined|refused|candidate|cycle|during")
# words after a course that say it goes on ("radiation in progress", "XRT week 3 of 5")
_STILL_GIVEN = _rx(r"in progress|ongoing|fractions?|week \d+|wk \d+|\d+ of \d+|planned|scheduled|to start|today")
_RADIATING = re.compile(r"\bradiation (to|into|down) (the )?(arm|leg|back|jaw|neck|shoulder|buttock|groin|chest wall)",
                        re.IGNORECASE)
_SURVEILLANCE = _rx(r"surveillance")
# not the visit's reason: a cancer watched in place, or a surveillance due later or named as the patient's status
_NOT_THIS_VISIT = _rx(r"active surveillance|watchful waiting|on surveillance|due|next|scheduled|planned|will")


def cancer_history(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    past = [s for s in suggestions if s.code.startswith("Z85")]
    if not past:
        made = _radiation_completed(note, suggestions, tabular)
        return [*made, *suggestions], [s.reason for s in made]
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
    following = note[match.end():sentence_end(note, match.end())][:20]
    return not NEGATION.search(ahead) and not _NOT_GIVEN.search(ahead[-30:]) and not _RADIATING.match(
        note, match.start()) and not _NOT_GIVEN.search(following) and not _STILL_GIVEN.search(following)


# a cancer still treated may have had its radiation already: the sentence says so before the word ("R breast cancer
# s/p lumpectomy and radiation 2017, now on anastrozole", "treated with XRT 2021") and nothing after it in its item
# says the course goes on. Its chemotherapy is not read: a course given in cycles may still be running.
_DONE_BEFORE = _rx(r"s/p|status post|completed|finished|treated with|received|underwent")


def _radiation_completed(note: str, suggestions: list[Suggestion], tabular) -> list[Suggestion]:
    if any(s.code == "Z92.3" for s in suggestions) or not tabular.is_billable("Z92.3"):
        return []
    for cancer in (s for s in suggestions if s.code.startswith("C") and s.code != "C80.1" and s.context == "affirmed"):
        first, last = sentence_start(note, cancer.start), sentence_end(note, cancer.end)
        for match in _RADIATION.finditer(note, first, last):
            ahead = before(note, match.start())
            item_after = re.split(r"[,;]", note[match.end():last], maxsplit=1)[0]
            if (_DONE_BEFORE.search(ahead[-40:]) and not NEGATION.search(ahead) and not _NOT_GIVEN.search(ahead[-30:])
                    and not _STILL_GIVEN.search(item_after) and not _RADIATING.match(note, match.start())):
                return [from_rule("Z92.3", match, tabular, NAME, f"{match.group(0)} of a cancer, done: Z92.3, "
                                                                 "personal history of irradiation", context="history")]
    return []


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
