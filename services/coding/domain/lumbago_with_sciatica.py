"""Low back pain with sciatica is one code, M54.4- by the sciatica's side.

The tabular's M54.5- (low back pain) and M54.3- (sciatica) each exclude "lumbago with sciatica" (M54.4-): a note
that states both as current conditions of the visit, in one phrase or in two sentences ("Low back pain for 10
days. It now shoots down the left leg - sciatica."), is coded with the combination, not its two parts. The side is
the one the sciatica was read with, or, where the laterality rule left it unspecified because the combination's
own codes also fit the sentence ("lumbago with right sciatica"), the one side its sentence states; M54.4- has no
bilateral code, so sciatica on both sides stays as written.
"""
from services.coding.domain.convention_gates import needs
from services.coding.domain.laterality import stated_side
from services.coding.domain.note_text import sentence
from services.coding.domain.suggestions import Suggestion

NAME = "lumbago-with-sciatica"
_LOW_BACK_PAIN = ("M54.50", "M54.59")  # not vertebrogenic pain (M54.51), a condition of its own
_SCIATICA = "M54.3"
_SIDE = {"M54.30": "M54.40", "M54.31": "M54.41", "M54.32": "M54.42"}
_BY_STATED_SIDE = {"right": "M54.41", "left": "M54.42"}


@needs(codes=_LOW_BACK_PAIN)
def lumbago_with_sciatica(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    backs = [s for s in suggestions if s.code in _LOW_BACK_PAIN and s.context == "affirmed"]
    sciaticas = [s for s in suggestions if s.code.startswith(_SCIATICA) and s.context == "affirmed"]
    if not backs or len({s.code for s in sciaticas}) != 1 or sciaticas[0].code not in _SIDE:
        return suggestions, []
    confidence = min(s.confidence for s in (*backs, *sciaticas))
    made, reasons = [], []
    for sciatica in sciaticas:
        code = _SIDE[sciatica.code]
        if code == "M54.40":
            code = _BY_STATED_SIDE.get(stated_side(sentence(note, sciatica.start, sciatica.end)), code)
        reason = (f"{backs[0].evidence} and {sciatica.evidence}: lumbago with sciatica {code}, "
                  f"which {backs[0].code} and {sciatica.code} exclude")
        made.append(sciatica.model_copy(update={"code": code, "description": tabular.description(code),
                                                "confidence": confidence, "convention": NAME, "reason": reason}))
        reasons.append(reason)
    return [*(s for s in suggestions if s not in backs and s not in sciaticas), *made], reasons
