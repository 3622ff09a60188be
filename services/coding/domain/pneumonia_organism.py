"""A pneumonia whose organism the note names apart from it: "CXR: LLL pneumonia. Sputum culture: H. influenzae."
The organism a test isolates in the sentences that follow is the pneumonia's cause (J12-J16 "Pneumonia, due to"),
and a pneumonia the note names twice, once with its organism, is one pneumonia: the unspecified organism's J18.9 does
not stand beside it. COPD with a pneumonia is COPD with an acute lower respiratory infection, J44.0, the infection
coded also (its "use additional code" note), and beside an exacerbation J44.1.
"""
import re

from services.coding.domain.index_word_findings import PNEUMONIA_ORGANISM_WORDS
from services.coding.domain.note_text import sentence_end, sentence_start
from services.coding.domain.suggestions import Suggestion

NAME = "pneumonia-organism"
UNSPECIFIED_ORGANISM = "J18.9"
_ORGANISM_CODES = ("J12", "J13", "J14", "J15", "J16")
_ANY_PNEUMONIA = ("J12", "J13", "J14", "J15", "J16", "J18")
COPD_WITH_INFECTION = "J44.0"
# a test that isolates or detects the organism, not one that found none
_ISOLATED = re.compile(r"\b(cultures?|cx|grew|growing|isolated|positive|pos|antigen|pcr|igm|gram stain)\b",
                       re.IGNORECASE)
_NOT_FOUND = re.compile(r"\b(negative|neg|no growth|not (isolated|detected|found)|ruled out)\b", re.IGNORECASE)
_SENTENCES_AFTER = 2


def _following(note: str, position: int) -> list[str]:
    """The mention's sentence and the few after it, where a result that names its cause is written."""
    said, start = [], sentence_start(note, position)
    for _ in range(_SENTENCES_AFTER + 1):
        end = sentence_end(note, start)
        said.append(note[start:end])
        start = end + 1
        if start >= len(note):
            break
    return said


def _isolated_organism(note: str, position: int) -> tuple[str, str] | None:
    """The one pneumonia organism a test names near the mention; None if none or more than one."""
    found = {(code, why) for said in _following(note, position) if _ISOLATED.search(said) and not _NOT_FOUND.search(said)
             for words, code, why in PNEUMONIA_ORGANISM_WORDS if words.search(said)}
    return found.pop() if len(found) == 1 else None


def _current(s: Suggestion) -> bool:
    return s.context == "affirmed"


def pneumonia_organism(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    out, reasons = list(suggestions), []
    named = [s for s in out if s.code.startswith(_ORGANISM_CODES) and _current(s)]
    for s in [s for s in out if s.code == UNSPECIFIED_ORGANISM and _current(s)]:
        if named:
            reason = f"{s.evidence}: the pneumonia the note names with its organism ({named[0].code}), not {s.code}"
            out = [x for x in out if x is not s]
            reasons.append(reason)
            continue
        organism = _isolated_organism(note, s.start)
        if organism is None or not tabular.is_billable(organism[0]):
            continue
        code, why = organism
        reason = f"{s.evidence}: {why}, the organism the test after it isolates (not {s.code})"
        made = s.model_copy(update={"code": code, "description": tabular.description(code), "convention": NAME,
                                    "reason": reason})
        out = [made if x is s else x for x in out]
        named.append(made)
        reasons.append(reason)
    if any(x.code.startswith(_ANY_PNEUMONIA) and _current(x) for x in out) and tabular.is_billable(COPD_WITH_INFECTION):
        for s in [s for s in out if s.code == "J44.9" and _current(s)]:
            reason = f"{s.evidence}: COPD with a pneumonia, an acute lower respiratory infection ({COPD_WITH_INFECTION})"
            out = [s.model_copy(update={"code": COPD_WITH_INFECTION,
                                        "description": tabular.description(COPD_WITH_INFECTION),
                                        "convention": NAME, "reason": reason}) if x is s else x for x in out]
            reasons.append(reason)
        # an exacerbation too is coded beside the infection: J44.0 and J44.1 together
        for s in [s for s in out if s.code == "J44.1" and _current(s)][:1]:
            if not any(x.code == COPD_WITH_INFECTION for x in out):
                reason = f"{s.evidence}: COPD with an exacerbation and a pneumonia, {COPD_WITH_INFECTION} beside J44.1"
                out.append(s.model_copy(update={"code": COPD_WITH_INFECTION,
                                                "description": tabular.description(COPD_WITH_INFECTION),
                                                "convention": NAME, "reason": reason}))
                reasons.append(reason)
    return out, reasons
