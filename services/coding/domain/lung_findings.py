"""Lung findings the index reaches only through a less specific entry, for `documented_findings`.

"Dyspnea on exertion" meets the index's "Dyspnea" (R06.00, unspecified) on its first word, but breathlessness the
note ties to exertion is a specified type: "Dyspnea, specified type NEC" R06.09, where coders file it.
"Interstitial lung disease" meets "Disease, lung" (J98.4) on its last words, but the index's own entry is
"Disease, lung, interstitial" J84.9; a specific interstitial disease the sentence affirms (IPF, NSIP, sarcoidosis,
a drug's or a rheumatoid lung) is coded by its own words instead, and an "ILD clinic" is a service, not a diagnosis.
An opacity or a mass a film shows in a lobe ("CXR: RUL opacity", "RUL ground-glass opacity", "CXR: RUL mass") is
the index's "Abnormal, chest x-ray" / "Mass, lung" R91.8 while the note only weighs what it is (pneumonia vs
malignancy, TB vs abscess); a nodule the note affirms is the finding's own name (R91.1, R91.8 from its words), and a
diagnosis the finding is part of keeps it out (`integral_findings`).
"""
import re

from services.coding.domain.finding_resolvers import Resolve
from services.coding.domain.note_text import sentence, sentence_start, uncertain
from services.coding.domain.note_text import word_pattern as _word

# "shortness of breath" is the index's own entry (R06.02), with or without exertion
EXERTIONAL_DYSPNEA = _word(r"dyspnea (on|with) (exertion|exercise|activity)|exertional dyspnea")
_DOE = re.compile(r"\bDOE\b")  # the abbreviation in capitals: "doe" in lower case is a name

_INTERSTITIAL = _word(r"interstitial lung disease|ild")
_A_SERVICE = re.compile(r"\s*(clinic|program|service|center|team|board|conference)\b", re.IGNORECASE)
_SPECIFIC_INTERSTITIAL = _word(r"idiopathic pulmonary fibrosis|ipf|usual interstitial pneumonia|nsip|"
                               r"nonspecific interstitial pneumonia|sarcoid(osis)?|hypersensitivity pneumonitis|"
                               r"rheumatoid|scleroderma|systemic sclerosis|amiodarone|nitrofurantoin|"
                               r"pneumoconiosis|asbestosis|silicosis|radiation pneumonitis|lymphangioleiomyomatosis")


_LOBE_NAMED = r"((right|left) (upper|middle|lower) lobe|rul|rml|rll|lul|lll|lingula)"
_LUNG_OPACITY = _word(rf"{_LOBE_NAMED} ((ground[- ]glass|patchy|hazy|focal|spiculated|cavitary) )?(opacity|opacities|mass)|"
                      rf"(opacity|opacities|mass) (in|of) the {_LOBE_NAMED}")
_NODULE = _word(r"nodules?")


def _lung_opacity(match: re.Match, note: str) -> tuple[str, str] | None:
    """R91.8, unless the note affirms a nodule, the opacity's own name."""
    if any(not uncertain(note, m.start(), m.end()) for m in _NODULE.finditer(note)):
        return None
    return "R91.8", "an opacity or a mass of a lobe is a nonspecific abnormal finding of lung field"


def _exertional_dyspnea(match: re.Match, note: str) -> tuple[str, str]:
    return "R06.09", "dyspnea the note ties to exertion is a specified type (index: Dyspnea, specified type NEC)"


def _interstitial(match: re.Match, note: str) -> tuple[str, str] | None:
    if _A_SERVICE.match(note, match.end()):
        return None
    start = sentence_start(note, match.start())
    text = sentence(note, match.start(), match.end())
    if any(not uncertain(note, start + m.start(), start + m.end()) for m in _SPECIFIC_INTERSTITIAL.finditer(text)):
        return None
    return "J84.9", "interstitial lung disease of no affirmed type (index: Disease, lung, interstitial)"


LUNG_FINDINGS: tuple[tuple[re.Pattern, tuple[str, ...], Resolve], ...] = (
    (EXERTIONAL_DYSPNEA, ("R06",), _exertional_dyspnea),
    (_DOE, ("R06",), _exertional_dyspnea),
    (_INTERSTITIAL, ("J98", "J84"), _interstitial),
    (_LUNG_OPACITY, ("R91", "R22"), _lung_opacity),
)
