"""Valve lesions and rheumatic diseases under the names clinics write, where the tabular's titles use others: each
row is the ICD-10-CM alphabetic index's entry for the name, for `documented_findings`.

"Stenosis, mitral" I05.0 and "Insufficiency, tricuspid" I07.1 (the index's default for these two valves is
rheumatic; "nonrheumatic" or a degenerative, calcific or prolapse cause written beside them is I34.2 and I36.1, and a
second lesion of the same valve in the sentence is a combination left to a coder); "Chondrocalcinosis" M11.20 for a
calcium pyrophosphate deposition disease named at no joint (a joint beside it is the site's code, left to the
pseudogout reading); "Arteritis, giant cell" M31.6, with polymyalgia rheumatica in its sentence M31.5; "Scleroderma"
and "Sclerosis, systemic" M34.9 (localized forms and morphea are the skin's L94.-); "Lupus erythematosus, systemic,
with organ involvement": nephritis M32.14, pericarditis M32.12, lung disease or pneumonitis M32.13;
"Spondyloarthritis, axial, non-radiographic" M45.A0; "Infection, Mycobacterium avium (intracellulare) complex,
pulmonary" A31.0; "Spondylitis, ankylosing" M45.9, by the region written with it M45.2-M45.8; "Sarcoidosis, heart" (myocarditis) D86.85.
"""
import re

from services.coding.domain.finding_resolvers import Resolve, fixed
from services.coding.domain.note_text import sentence
from services.coding.domain.note_text import word_pattern as _word

_LUPUS = r"(lupus|sle|systemic lupus erythematosus( \(sle\))?)"
_NONRHEUMATIC = _word(r"non-?rheumatic|degenerative|calcific|senile|functional|prolapse|mvp|myxomatous")
_MITRAL_REGURGITATION = _word(r"mitral (valve )?(regurgitation|insufficiency|incompetence)")
_TRICUSPID_STENOSIS = _word(r"tricuspid (valve )?stenosis")
_NORMAL = _word(r"trace|trivial|physiologic|physiological|minimal")
_JOINT = _word(r"knees?|wrists?|hips?|shoulders?|ankles?|elbows?|hands?|feet|foot")
_PMR = _word(r"polymyalgia rheumatica|pmr")
_LOCALIZED = _word(r"localized|limited cutaneous|linear|morphea|en coup de sabre|plaque")


def _by_valve_cause(rheumatic: str, nonrheumatic: str, why: str, other_lesion: re.Pattern) -> Resolve:
    """The index's rheumatic default, the nonrheumatic code where a cause says so; both lesions is a coder's choice."""
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        said = sentence(note, match.start(), match.end())
        if other_lesion.search(said) or _NORMAL.search(said):
            return None
        if _NONRHEUMATIC.search(said):
            return nonrheumatic, f"nonrheumatic {why}"
        return rheumatic, f"{why} (the index's default is rheumatic)"
    return resolve


def _unless_said(code: str, why: str, other: re.Pattern) -> Resolve:
    def resolve(match: re.Match, note: str) -> tuple[str, str] | None:
        return None if other.search(sentence(note, match.start(), match.end())) else (code, why)
    return resolve


_SPINE_REGIONS = (("3", r"cervicothoracic"), ("5", r"thoracolumbar"), ("7", r"lumbosacral"), ("2", r"cervical"),
                  ("4", r"thoracic"), ("6", r"lumbar"), ("8", r"sacral|sacrococcygeal|sacroiliac"))
_REGION = "|".join(words for _, words in _SPINE_REGIONS)
_REGION_AFTER = re.compile(rf"(\s+(of|in)|,) (the )?({_REGION})( spine| region)?\b", re.IGNORECASE)
_REGION_BEFORE = re.compile(rf"\b({_REGION})( spine)? $", re.IGNORECASE)
_JUVENILE_BEFORE = re.compile(r"\b(juvenile|jas)\W+$", re.IGNORECASE)


def _ankylosing_spondylitis(match: re.Match, note: str) -> tuple[str, str] | None:
    """M45.- by the one spinal region written with the name, M45.9 where none is; the juvenile form is M08.1."""
    lead = note[max(0, match.start() - 30):match.start()]
    if _JUVENILE_BEFORE.search(lead):
        return None
    region = _REGION_AFTER.match(note, match.end()) or _REGION_BEFORE.search(lead)
    if region is None:
        return "M45.9", "ankylosing spondylitis, site unspecified"
    named = region.group(4 if region.re is _REGION_AFTER else 1).lower()
    character = next(c for c, words in _SPINE_REGIONS if re.fullmatch(words, named))
    return f"M45.{character}", f"ankylosing spondylitis, {named} region"


def _giant_cell_arteritis(match: re.Match, note: str) -> tuple[str, str]:
    if _PMR.search(sentence(note, match.start(), match.end())):
        return "M31.5", "giant cell arteritis with polymyalgia rheumatica"
    return "M31.6", "giant cell arteritis"


VALVE_AND_RHEUMATIC_FINDINGS: tuple[tuple[re.Pattern, tuple[str, ...], Resolve], ...] = (
    (_word(r"mitral (valve )?stenosis"), ("I05", "I34"),
     _by_valve_cause("I05.0", "I34.2", "mitral stenosis", _MITRAL_REGURGITATION)),
    (_word(r"tricuspid (valve )?(regurgitation|insufficiency|incompetence)"), ("I07", "I36"),
     _by_valve_cause("I07.1", "I36.1", "tricuspid insufficiency", _TRICUSPID_STENOSIS)),
    (_word(r"calcium pyrophosphate (dihydrate )?(deposition|crystal) (disease|arthropathy|arthritis)"), ("M11",),
     _unless_said("M11.20", "calcium pyrophosphate deposition is chondrocalcinosis", _JOINT)),
    (_word(r"giant cell arteritis|temporal arteritis"), ("M31", "I77"), _giant_cell_arteritis),
    (_word(r"systemic sclerosis|scleroderma"), ("M34", "L94"),
     _unless_said("M34.9", "systemic sclerosis", _LOCALIZED)),
    (_word(rf"{_LUPUS} (nephritis|glomerulonephritis|nephropathy)"), ("M32", "N05", "N08"),
     fixed("M32.14", "glomerular disease in systemic lupus erythematosus")),
    (_word(rf"{_LUPUS} pericarditis"), ("M32", "I31", "I30", "I32"),
     fixed("M32.12", "pericarditis in systemic lupus erythematosus")),
    (_word(rf"{_LUPUS} pneumonitis|{_LUPUS}[- ]associated (ild|interstitial lung disease)"), ("M32", "J84", "J99"),
     fixed("M32.13", "lung involvement in systemic lupus erythematosus")),
    (_word(r"ankylosing spondylitis"), ("M45", "M08"), _ankylosing_spondylitis),
    (_word(r"non-?radiographic axial (spondyloarthritis|spondyloarthropathy|spa)"), ("M45", "M46"),
     fixed("M45.A0", "non-radiographic axial spondyloarthritis, site unspecified")),
    (_word(r"(pulmonary|lung) (mac|mai|mycobacterium avium( intracellulare)? complex)( infection| disease)?|"
           r"(mac|mai|mycobacterium avium( intracellulare)? complex) (lung|pulmonary) (disease|infection)"),
     ("A31", "J98", "J84"), fixed("A31.0", "pulmonary Mycobacterium avium complex infection")),
    (_word(r"cardiac sarcoid(osis)?|sarcoid(osis)? of the heart|sarcoid myocarditis"), ("D86", "I51", "I40"),
     fixed("D86.85", "sarcoid myocarditis (sarcoidosis of the heart)")),
)
