"""The claim state machine: the one place that decides whether a step moves a claim.

A claim only moves forward. A step the machine does not allow from the claim's current state (a late,
repeated or out-of-order event) keeps the state; the caller records it in the timeline as ignored,
with the state it proposed, so nothing that happened is lost and no state ever goes back.
"""
from dataclasses import dataclass

PAYER_ANSWERS = {"accepted", "rejected", "paid", "partial", "denied"}

TRANSITIONS: dict[str, set[str]] = {
    "built": {"held", "ready"},
    "held": {"ready", "held", "voided"},
    "ready": {"submitting", "held"},
    # A payer's answer to a claim still being handed over proves the file was delivered.
    "submitting": {"submitted"} | PAYER_ANSWERS,
    "submitted": PAYER_ANSWERS | {"closed"},
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

# How far along the revenue cycle a state is. Allowed moves never lower it, except the fix queue:
# a rejected claim is reopened (held or ready) to be corrected and sent again.
STAGE: dict[str, int] = {
    "built": 0, "held": 1, "ready": 1, "submitting": 2, "submitted": 3, "accepted": 4, "rejected": 4,
    "paid": 5, "partial": 5, "denied": 5, "appealed": 5, "corrected": 5, "closed": 5, "voided": 6,
}
REOPENED = {("rejected", "held"), ("rejected", "ready")}


@dataclass(frozen=True)
class Step:
    """What a proposed step does: the claim's status after it, and whether it moved."""

    status: str
    proposed: str
    moved: bool

    @property
    def ignored(self) -> bool:
        return not self.moved


def decide(current: str, proposed: str) -> Step:
    """Moves when the machine allows current -> proposed; otherwise the claim keeps its state."""
    if proposed not in TRANSITIONS:
        raise ValueError(f"unknown claim state {proposed!r}")
    if proposed in TRANSITIONS.get(current, set()) and not goes_back(current, proposed):
        return Step(status=proposed, proposed=proposed, moved=True)
    return Step(status=current, proposed=proposed, moved=False)


def goes_back(current: str, target: str) -> bool:
    """True when current -> target would return the claim to an earlier stage (the fix queue aside)."""
    return STAGE[target] < STAGE[current] and (current, target) not in REOPENED


REVERSAL = "22"


def status_from_remit(status_code: str, *, has_denied_lines: bool) -> str:
    """CLP02 -> our adjudicated status. A claim applied wholly to the deductible is paid, not denied."""
    if status_code == "4":
        return "denied"
    if status_code == REVERSAL:
        return "accepted"
    return "partial" if has_denied_lines else "paid"
