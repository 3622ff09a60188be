"""The claim state machine (issue 4): every transition is checked here and recorded in the timeline."""

TRANSITIONS: dict[str, set[str]] = {
    "built": {"held", "ready"},
    "held": {"ready", "held", "voided"},
    "ready": {"submitting", "held"},
    "submitting": {"submitted"},
    "submitted": {"accepted", "rejected", "paid", "partial", "denied", "closed"},
    "rejected": {"ready", "held", "voided"},
    "accepted": {"paid", "partial", "denied", "rejected", "closed"},
    "paid": {"closed", "paid", "partial", "denied", "corrected", "voided"},
    "partial": {"closed", "paid", "partial", "denied", "appealed", "corrected", "voided"},
    "denied": {"paid", "partial", "denied", "appealed", "corrected", "closed", "voided"},
    "appealed": {"paid", "partial", "denied", "closed", "corrected", "voided"},
    "corrected": {"closed", "paid", "partial", "denied"},
    "closed": {"paid", "partial", "denied", "corrected", "voided"},
    "voided": set(),
}


class InvalidTransition(Exception):
    def __init__(self, current: str, target: str):
        super().__init__(f"a claim cannot go from {current} to {target}")


def check_transition(current: str, target: str) -> str:
    if target not in TRANSITIONS.get(current, set()):
        raise InvalidTransition(current, target)
    return target


REVERSAL = "22"


def status_from_remit(status_code: str, *, has_denied_lines: bool) -> str:
    """CLP02 -> our adjudicated status. A claim applied wholly to the deductible is paid, not denied."""
    if status_code == "4":
        return "denied"
    if status_code == REVERSAL:
        return "accepted"
    return "partial" if has_denied_lines else "paid"
