"""A screening code gives way where the note codes the condition it screens for as present (guideline I.C.21.c.5:
screening is testing for disease in a person without signs or symptoms of it; a test of a known condition is that
condition's care): an A1c "to screen for" a diabetic's nephropathy is no diabetes screening, an AUDIT-C in alcohol
use disorder no alcohol screen, a vitamin D level found low no nutritional screening.

A mental health questionnaire assesses the disorder it scores: a PHQ-9 in treated depression, an AUDIT-C in alcohol
use disorder, an EPDS in postpartum blues. The same scale given to a patient under care for another disorder
(a PHQ-9 at an ADHD evaluation) is still a screening for what it scores.
"""
from services.coding.domain.convention_gates import needs
from services.coding.domain.suggestions import Suggestion

NAME = "screened-condition-known"
# the depressive disorders and episodes, and the postpartum mood disturbance a maternal depression scale is given for
DEPRESSION = ("F32", "F33", "F34.1", "F53", "O90.6")
# the substance use disorders (nicotine dependence aside, which an alcohol screen at a smoker's visit does not
# assess) and the anxiety disorders, the subjects of the AUDIT-C, DAST and GAD-7
SUBSTANCE_AND_ANXIETY = ("F10", "F11", "F12", "F13", "F14", "F15", "F16", "F18", "F19", "F40", "F41")
# screening code (or its category) -> the codes of the conditions it screens for, as the index's Screening entries
# name them
SCREENED_CONDITIONS = {
    "Z12.11": ("C18",), "Z12.12": ("C19", "C20"), "Z12.2": ("C34",), "Z12.31": ("C50",), "Z12.4": ("C53",),
    "Z12.5": ("C61",),
    "Z13.1": ("E08", "E09", "E10", "E11", "E13"),
    "Z13.21": ("E4", "E50", "E51", "E52", "E53", "E54", "E55", "E56", "E58", "E59", "E6", "D51", "D52"),
    "Z13.220": ("E78",),
    "Z13.31": DEPRESSION, "Z13.32": DEPRESSION, "Z13.39": SUBSTANCE_AND_ANXIETY,
    "Z13.858": ("F01", "F02", "F03", "G30", "G31.84"),
}


def conditions_screened(code: str) -> tuple[str, ...]:
    """The code prefixes of the conditions a screening code screens for; none for a screening not listed."""
    return next((found for screening, found in SCREENED_CONDITIONS.items() if code.startswith(screening)), ())


@needs(codes=("Z12", "Z13"))
def screened_condition_known(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    present = [s.code for s in suggestions if s.context == "affirmed" and not s.code.startswith("Z")]
    kept, reasons = [], []
    for s in suggestions:
        known = next((code for code in present if code.startswith(conditions_screened(s.code))), None)
        if known is None:
            kept.append(s)
        else:
            reasons.append(f"{s.code} dropped: the note codes {known}, the condition it screens for, as present")
    return kept, reasons
