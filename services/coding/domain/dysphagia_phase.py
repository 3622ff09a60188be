"""The phase of a dysphagia (the index's "Dysphagia, oral phase" R13.11 to "pharyngoesophageal phase" R13.14), read
where the note names it: the type the tabular asks for beside a stroke's dysphagia (I69.-91, "use additional code to
identify the type of dysphagia, if known"). "Oral" counts only with "phase": "oral dysphagia" is rarely meant so."""
import re

from services.coding.domain.note_text import word_pattern

PHASE_CODES = {"oral": "R13.11", "oropharyngeal": "R13.12", "pharyngeal": "R13.13", "pharyngoesophageal": "R13.14"}
PHASED_DYSPHAGIA = word_pattern(r"(oral|oropharyngeal|pharyngeal|pharyngoesophageal)[- ]phase dysphagia|"
                                r"(oropharyngeal|pharyngeal|pharyngoesophageal) dysphagia|"
                                r"dysphagia,? ((in|of) )?(the )?(oral|oropharyngeal|pharyngeal|pharyngoesophageal) "
                                r"phase")


def phase_code(match: re.Match) -> tuple[str, str]:
    """(R13.1- code, the phase's name) for a PHASED_DYSPHAGIA match."""
    phase = next(word.lower() for word in match.groups()[1:] if word and word.lower() in PHASE_CODES)
    return PHASE_CODES[phase], f"dysphagia, {phase} phase"
