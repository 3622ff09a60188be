"""A condition a routine exam's note presents as already known and managed is not a finding of the exam.

Guideline I.C.21.c.13 makes an exam "with abnormal findings" (Z00.01) for what the exam finds; a chronic condition
reviewed at it ("hypothyroidism on levothyroxine", "CKD 3b with HTN, creatinine stable", "hyperlipidemia, diet
controlled", a problem list or PMH entry) is coded beside an exam without abnormal findings (Z00.00). What its
sentence calls new, found, elevated or abnormal, or states with a measurement of this visit, is a finding.
"""
import re

from services.coding.domain.note_text import sentence, word_pattern
from services.coding.domain.suggestions import Suggestion

# "on" a treatment, not "on exam" or "on CT"
_ON_TREATMENT = re.compile(r"\bon (?!(exam|examination|auscultation|palpation|inspection|today|review|screening|ct|mri|"
                           r"x-?ray|xr|imaging|ultrasound|us|labs?|the|her|his|left|right|both|and|in|arrival)\b)[a-z]",
                           re.IGNORECASE)
_KNOWN = word_pattern(r"taking|takes|continues?|continued|continuing|stable|controlled|chronic|unchanged|at goal|"
                      r"managed|since (19|20)\d\d|hx|h/o|history of|pmh|problems?|known|established|s/p|status post|remains|stays")
_FOUND = word_pattern(r"new|newly|found|noted|discovered|incidental(ly)?|elevated|abnormal|uncontrolled|worse(ning)?|"
                      r"bmi|today|(not|never) (previously |been )?known|unknown|no prior|no (previous |past )?history|"
                      r"first time|before today")


def presented_as_known(note: str, finding: Suggestion) -> bool:
    said = sentence(note, finding.start, finding.end)
    return bool(_KNOWN.search(said) or _ON_TREATMENT.search(said)) and not _FOUND.search(said)
