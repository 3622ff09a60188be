"""Symptoms a diagnosis's own tabular note asks to be coded beside it.

A symptom stated beside a confirmed diagnosis is usually part of it and goes to a coder (`first_sight`). Where the
diagnosis's "Use additional code for associated symptoms, when specified" note lists the symptom, the tabular asks
for it: BPH (or a nodular prostate) with lower urinary tract symptoms, N40.1 and N40.3, and the nocturia, weak
stream, frequency, urgency, hesitancy, straining, incomplete emptying or retention the note states.
"""

# diagnosis -> the symptom codes (or their categories) its use-additional note lists
_ASKED_FOR: dict[str, tuple[str, ...]] = {
    "N40.1": ("R39.14", "R35.1", "R39.16", "R35.0", "R39.11", "N39.4", "N13.8", "R33.8", "R39.15", "R39.12"),
    "N40.3": ("R39.14", "R35.1", "R39.16", "R35.0", "R39.11", "N39.4", "N13.8", "R33.8", "R39.15", "R39.12"),
}


def asked_for(symptom: str, diagnoses: list[str]) -> bool:
    """The symptom's code is one a confirmed diagnosis's use-additional note lists."""
    return any(symptom.startswith(_ASKED_FOR.get(diagnosis, ())) for diagnosis in diagnoses)


# a prostate's enlargement as the index first finds it, before its urinary symptoms make it N40.1 or N40.3
_PROSTATE_ENLARGEMENT = "N40"


def asked_for_beside(symptom: str, diagnosis: str) -> bool:
    """`asked_for` beside the one diagnosis, an enlarged prostate of any kind read as the one with urinary symptoms
    that the symptom beside it makes it."""
    return asked_for(symptom, ["N40.1" if diagnosis.startswith(_PROSTATE_ENLARGEMENT) else diagnosis])
