"""An angina the note gives as the reason of a past stent or bypass ("s/p DES to LAD 6 months ago for stable
angina") and says has not come back ("no angina since") is not the visit's angina: no I20 code, nor the I25.11-
combination made from it (guideline I.C.9.b joins coronary disease with a current angina only). The coronary
disease the note names stays, without angina: I25.10, which the documented finding leaves to the combination while
an angina shares its sentence.
"""
import re

from services.coding.domain.clinical_findings import CORONARY_DISEASE_NAMES, coronary_current
from services.coding.domain.convention_gates import needs
from services.coding.domain.note_text import sentence_start
from services.coding.domain.suggestions import Suggestion, from_rule

NAME = "treated-angina"
WITHOUT_ANGINA = "I25.10"
# the revascularization, then "for" right before the angina: "s/p PCI with DES to RCA 4 months ago for unstable angina"
_REVASCULARIZED_FOR = re.compile(
    r"\b(s/p|status post|underwent|had|after)\b[^.;\n]{0,60}?\b(pci|ptca|stents?|stenting|des|bms|cabg|angioplasty|"
    r"revasculari[sz]ation|bypass)\b[^.;\n]{0,50}?\bfor\s+((his|her|an?)\s+)?$", re.IGNORECASE)
# and not come back, said right after it: "...; no angina since", "angina-free since", "no recurrent chest pain"
_NOT_SINCE = re.compile(r"^[^\n]{0,60}?\b(no (recurrent |further )?(angina|chest pain)|angina[- ]free|no recurrence|"
                        r"(asymptomatic|symptom[- ]free) since)\b", re.IGNORECASE)


def _treated(note: str, angina: Suggestion) -> bool:
    return bool(_REVASCULARIZED_FOR.search(note[sentence_start(note, angina.start):angina.start])
                and _NOT_SINCE.search(note[angina.end:]))


@needs(codes=("I20",))
def treated_angina(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    treated = [s for s in suggestions if s.code.startswith("I20") and _treated(note, s)]
    if not treated:
        return suggestions, []
    out = [s for s in suggestions if s not in treated]
    reasons = [f"{s.evidence}: the reason of a past revascularization, not since: no {s.code}" for s in treated]
    cad = next((m for m in CORONARY_DISEASE_NAMES.finditer(note) if coronary_current(note, m.start(), m.end())), None)
    if cad is not None and not any(s.code.startswith("I25.1") for s in out) and tabular.is_billable(WITHOUT_ANGINA):
        reason = f"{cad.group(0)}: {WITHOUT_ANGINA}, coronary disease whose angina is past"
        out.append(from_rule(WITHOUT_ANGINA, cad, tabular, NAME, reason))
        reasons.append(reason)
    return out, reasons
