"""An infection named only for a status that is not the infection: the patient's immunity to it, the vaccine had
against it, or a test for it that found none. "Varicella immune", "rubella IgG positive - immune", "immune to
hepatitis B", "hep B sAb reactive - immune", "fully vaccinated for COVID" tell a titer's or a vaccination's result,
and ICD-10-CM has no code for being immune (guideline I.B.1 codes what the patient has); "MRSA PCR negative", "MRSA
nasal swab negative" tell a screen that found no organism. A code of chapter 1 (A00-B99, the organism codes B95-B97
among them) or COVID-19's U07.1 read from such a mention is dropped; the infection stated elsewhere in the note keeps
its own mention. "Immune-tolerant" and "immune-active" are phases of a chronic hepatitis B, not immunity, and stay
coded.
"""
import re

from services.coding.domain.convention_gates import needs
from services.coding.domain.suggestions import Suggestion

NAME = "infection-status"

_IMMUNE = r"(non-?\s?immune|not immune|immune|immunity)(?!\s*-\s*(tolerant|active|control|clearance|escape))\b"
# the serology that shows the immunity, between the name and the word: "IgG positive", "sAb reactive", "Ab +"
_SEROLOGY = (r"((s\s?ab|ab|igg|antibod(y|ies)|surface antibody|titers?|serology)\s+(is\s+|was\s+)?"
             r"(positive|pos|reactive|\+|>\s?\d+|\d+)\s*(\([^)]{0,20}\)\s*)?)?")
_IMMUNE_AFTER = re.compile(rf"\s*(virus\s+)?[-:,(]?\s*{_SEROLOGY}[-:,(]?\s*{_IMMUNE}", re.IGNORECASE)
_IMMUNE_BEFORE = re.compile(r"\b(immune|immunity|non-?immune|not immune)\s+(to|against|for)\s+(the\s+)?$",
                            re.IGNORECASE)
# a test of the organism written right after its name, found negative: "MRSA nasal swab negative", "PCR neg"
_TEST = (r"((nasal|nares|nose|throat|rectal|perianal)\s+)?"
         r"((swab|screen|pcr|culture|test|antigen|ag|ab|igg|serology)\s+)?")
_NEGATIVE_AFTER = re.compile(rf"\s*[-:]?\s*{_TEST}(is\s+|was\s+)?(negative|neg|not detected|non-?reactive)\b",
                             re.IGNORECASE)
# the vaccine the patient had, named by what it prevents: "fully vaccinated for COVID", "immunized against measles"
_VACCINATED_BEFORE = re.compile(r"\b(vaccinated|immunized|immunised|boosted|vaccines?|vaccination)\s+(for|against)\s+$",
                                re.IGNORECASE)
_GATE = re.compile(r"\b(immun(e|ity|ized|ised)|negative|neg|not detected|non-?reactive|vaccinated|boosted|vaccines?|"
                   r"vaccination)\b", re.IGNORECASE)


def immune_to(note: str, start: int, end: int) -> bool:
    """The mention at note[start:end] names an infection the patient is immune to, not one the patient has."""
    before = note[max(0, start - 30):start]
    return bool(_IMMUNE_AFTER.match(note, end) or _IMMUNE_BEFORE.search(before) or _VACCINATED_BEFORE.search(before))


def found_negative(note: str, end: int) -> bool:
    """The mention ending at `end` is followed by its own test found negative."""
    return bool(_NEGATIVE_AFTER.match(note, end))


def _infection(code: str) -> bool:
    """A code of chapter 1, or COVID-19's (U07.1)."""
    return code[:1] in "AB" and code[1:3].isdigit() or code.startswith("U07")


@needs(patterns=(_GATE,))
def infection_status(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    kept, reasons = [], []
    for s in suggestions:
        if _infection(s.code) and immune_to(note, s.start, s.end):
            reasons.append(f"{s.evidence}: immunity to the infection, not the infection ({s.code} dropped)")
        elif _infection(s.code) and found_negative(note, s.end):
            reasons.append(f"{s.evidence}: a test for it found negative ({s.code} dropped)")
        else:
            kept.append(s)
    return kept, reasons
