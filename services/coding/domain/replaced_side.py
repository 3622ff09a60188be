"""Arthritis of both joints, one of which has since been replaced: "primary OA of both knees; s/p R TKA 2022". The
replaced joint has no arthritis left (its status is Z96.6-, guideline I.C.21.c.3), so the arthritis coded is the
other side's: unilateral primary osteoarthritis of the left knee M17.12, not bilateral M17.0.

Read from the codes: a bilateral osteoarthritis of the knee or hip beside the status of one replaced joint of the
same site, its side stated (Z96.651 right knee, Z96.652 left knee; Z96.641, Z96.642 hips). Both replaced (Z96.653)
or the side unstated leaves the code as it is.
"""
from services.coding.domain.convention_gates import needs
from services.coding.domain.suggestions import Suggestion

NAME = "one-side-replaced"
# bilateral osteoarthritis -> (the replaced joint's status prefix, unilateral code by side digit "1"/"2")
_BILATERAL = {
    "M17.0": ("Z96.65", "M17.1"), "M17.2": ("Z96.65", "M17.3"),
    "M16.0": ("Z96.64", "M16.1"), "M16.2": ("Z96.64", "M16.3"), "M16.4": ("Z96.64", "M16.5"),
}  # (the other secondary osteoarthritis, M17.5 and M16.7, has no side to choose)
_OTHER_SIDE = {"1": "2", "2": "1"}


@needs(codes=tuple(_BILATERAL))
def one_side_replaced(suggestions: list[Suggestion], note: str, tabular) -> tuple[list[Suggestion], list[str]]:
    out, reasons = [], []
    for s in suggestions:
        status, unilateral = _BILATERAL.get(s.code, (None, None))
        replaced = [r for r in suggestions if status and r.code.startswith(status) and r.code[-1] in _OTHER_SIDE
                    and r.context == "affirmed"]
        sides = {r.code[-1] for r in replaced}
        if s.context == "affirmed" and len(sides) == 1:
            code = unilateral + _OTHER_SIDE[sides.pop()]
            if tabular.is_billable(code):
                reason = (f"{s.evidence}: {code}, the side not replaced ({replaced[0].code} {replaced[0].evidence}), "
                          f"rather than {s.code}")
                s = s.model_copy(update={"code": code, "description": tabular.description(code),
                                         "convention": NAME, "reason": reason})
                reasons.append(reason)
        out.append(s)
    return out, reasons
