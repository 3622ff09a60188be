"""Reading the clearinghouse's answers: the 999 for a file, the 277CA per claim."""
from dataclasses import dataclass, field

from shared.x12 import X12SyntaxError, control_character_problems, element, segments

ACCEPTED_277_CATEGORIES = {"A0", "A1", "A2", "A5"}


@dataclass(frozen=True)
class FileAck:
    accepted: bool
    errors: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ClaimAck:
    patient_control_number: str
    accepted: bool
    payer_claim_number: str | None
    reasons: list[str]
    source: str = "277CA"


def readable_segments(text: str) -> list[list[str]]:
    """The segments of a clearinghouse answer; raises X12SyntaxError (naming segment and position) and nothing else."""
    problems = control_character_problems(text)
    if problems:
        raise X12SyntaxError("; ".join(problems[:5]))
    return segments(text)


def read_999(text: str) -> FileAck:
    """AK9-01 A (accepted) or E (accepted with errors) lets the file through; R and P do not."""
    errors: list[str] = []
    verdict = "R"
    for seg in readable_segments(text):
        if seg[0] == "IK3":
            errors.append(f"segment {element(seg, 1)} at position {element(seg, 2)}: error {element(seg, 4)}")
        elif seg[0] == "IK4":
            errors.append(f"element {element(seg, 1)}: error {element(seg, 3)}")
        elif seg[0] == "AK9":
            verdict = element(seg, 1)
    return FileAck(accepted=verdict in ("A", "E"), errors=errors)


def read_277ca(text: str) -> list[ClaimAck]:
    """One ClaimAck per claim-level (HL 22/23) status: TRN02 is our patient control number."""
    acks: list[ClaimAck] = []
    current: dict | None = None
    for seg in readable_segments(text):
        tag = seg[0]
        if tag == "HL":
            _flush(current, acks)
            current = {"level": element(seg, 3), "pcn": None, "statuses": [], "payer_number": None}
        elif current is None or current["level"] not in ("PT", "22", "23"):
            continue
        elif tag == "TRN":
            current["pcn"] = element(seg, 2)
        elif tag == "STC":
            current["statuses"].append(element(seg, 1))
        elif tag == "REF" and element(seg, 1) == "1K":
            current["payer_number"] = element(seg, 2)
    _flush(current, acks)
    return acks


def _flush(current: dict | None, acks: list[ClaimAck]) -> None:
    if not current or not current["pcn"] or not current["statuses"]:
        return
    categories = [status.split(":")[0] for status in current["statuses"]]
    accepted = all(category in ACCEPTED_277_CATEGORIES for category in categories)
    reasons = [] if accepted else [f"STC {status}" for status in current["statuses"]]
    acks.append(ClaimAck(current["pcn"], accepted, current["payer_number"], reasons))
