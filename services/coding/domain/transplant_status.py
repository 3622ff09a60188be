"""Transplant status Z94.-: an organ or tissue the patient lives with after its transplant ("Status, transplant
(organ) (tissue)" in the ICD-10-CM index), coded for what it tells the payer about the care (guidelines I.C.21.c.3),
with the organ the sentence names. A transplant is "s/p" by nature, so its year or "history of" does not make it
past.

Not for a transplant that is rejected or failing (Z94's Excludes1: a complication of the transplant is T86.-, which
says the status), nor one only evaluated for, awaited, listed for, or a relative's or a donor's (a living donor
is Z52.-, the donation).
"""
import re

from services.coding.domain.drug_therapy import denied_in_its_item
from services.coding.domain.note_text import FAMILY, sentence
from services.coding.domain.note_text import word_pattern as _rx
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "transplant-status"
_TRANSPLANT = r"transplant(ation|ed)?"
# (the organ's words, its code, what); the heart and lungs together before either alone
TRANSPLANTS = (
    (_rx(rf"heart[- ](and[- ])?lungs? {_TRANSPLANT}"), "Z94.3", "heart and lungs transplant status"),
    (_rx(rf"(kidney|renal) {_TRANSPLANT}|transplanted kidney|"
         r"(deceased|living)[- ]donor kidney"), "Z94.0", "kidney transplant status"),
    (_rx(rf"(?<!lung )(?<!lungs )(?<!and )(heart|cardiac|orthotopic heart) {_TRANSPLANT}|transplanted heart"),
     "Z94.1", "heart transplant status"),
    (_rx(rf"(?<!heart )(?<!heart and )(?<!heart-)(lung|bilateral lung|single lung) {_TRANSPLANT}"), "Z94.2",
     "lung transplant status"),
    (_rx(rf"(liver|hepatic) {_TRANSPLANT}|transplanted liver"), "Z94.4", "liver transplant status"),
    (_rx(rf"(cornea|corneal) {_TRANSPLANT}|keratoplasty"), "Z94.7", "corneal transplant status"),
    (_rx(rf"bone marrow {_TRANSPLANT}|bmt"), "Z94.81", "bone marrow transplant status"),
    (_rx(rf"(hematopoietic |autologous |allogeneic )?stem cell {_TRANSPLANT}|hsct"), "Z94.84",
     "stem cells transplant status"),
)
# a word every row needs: most notes hold none, and a substring test skips the scans
_REQUIRED = ("transplant", "keratoplasty", "bmt", "hsct")
# a complication of the transplant, or one not (yet) done or not the patient's own
_NOT_STATUS = _rx(r"reject\w*|(graft|transplant) (failure|dysfunction|loss)|(failed|failing) (graft|transplant)|"
                  r"complications?|evaluat\w*|eval|candidate|work-?up|"
                  r"awaiting|waiting list|wait-?list(ed)?|listed for|referr\w*|consider\w*|discuss\w*|planned|"
                  r"scheduled|donor for|donated|donation")


def transplant_status(note: str, tabular) -> list[Suggestion]:
    lowered = note.lower()
    if not any(word in lowered for word in _REQUIRED):
        return []
    made = {}
    for pattern, code, why in TRANSPLANTS:
        match = next((m for m in pattern.finditer(note) if _lives_with(note, m)), None)
        if match is not None and code not in made and tabular.is_billable(code):
            made[code] = from_rule(code, match, tabular, NAME, f"{match.group(0)}: {code}, {why}")
    return list(made.values())


def _lives_with(note: str, match: re.Match) -> bool:
    text = sentence(note, match.start(), match.end())
    return not (denied_in_its_item(note, match) or _NOT_STATUS.search(text) or FAMILY.search(text))
