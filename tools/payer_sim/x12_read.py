"""Reads an 837P into the few facts a payer adjudicates on."""
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from shared.x12 import delimiters, element, segments


@dataclass
class BilledLine:
    code: str
    modifiers: list[str]
    charge: Decimal
    units: int
    service_date: date | None = None
    line_ref: str | None = None


@dataclass
class BilledClaim:
    pcn: str
    charge: Decimal
    frequency: str
    member_id: str = ""
    last_name: str = ""
    first_name: str = ""
    payer_id: str = ""
    prior_auth: str | None = None
    original_claim_number: str | None = None
    diagnoses: list[str] = field(default_factory=list)
    lines: list[BilledLine] = field(default_factory=list)


@dataclass
class Submission:
    control_number: str
    group_control_number: str
    transaction_controls: list[str]
    sender_id: str
    receiver_id: str
    billing_npi: str
    billing_name: str
    claims: list[BilledClaim]


def read_837p(text: str) -> Submission:
    component = delimiters(text).component
    segs = segments(text)
    sub = Submission(control_number="", group_control_number="", transaction_controls=[], sender_id="",
                     receiver_id="", billing_npi="", billing_name="", claims=[])
    subscriber: dict = {}
    claim: BilledClaim | None = None
    for seg in segs:
        tag = seg[0]
        if tag == "ISA":
            sub.control_number, sub.sender_id, sub.receiver_id = element(seg, 13), element(seg, 6).strip(), element(seg, 8).strip()
        elif tag == "GS":
            sub.group_control_number = element(seg, 6)
        elif tag == "ST":
            sub.transaction_controls.append(element(seg, 2))
        elif tag == "NM1" and element(seg, 1) == "85":
            sub.billing_name, sub.billing_npi = element(seg, 3), element(seg, 9)
        elif tag == "NM1" and element(seg, 1) == "IL":
            subscriber = {"member_id": element(seg, 9), "last_name": element(seg, 3), "first_name": element(seg, 4)}
        elif tag == "NM1" and element(seg, 1) == "PR":
            subscriber["payer_id"] = element(seg, 9)
        elif tag == "CLM":
            claim = BilledClaim(pcn=element(seg, 1), charge=Decimal(element(seg, 2) or "0"),
                                frequency=element(seg, 5).split(component)[-1], **subscriber)
            sub.claims.append(claim)
        elif claim is not None:
            _claim_detail(claim, seg, component)
    return sub


def _claim_detail(claim: BilledClaim, seg: list[str], component: str) -> None:
    tag = seg[0]
    if tag == "REF" and element(seg, 1) == "G1":
        claim.prior_auth = element(seg, 2)
    elif tag == "REF" and element(seg, 1) == "F8":
        claim.original_claim_number = element(seg, 2)
    elif tag == "HI":
        claim.diagnoses += [e.split(component)[1] for e in seg[1:] if component in e]
    elif tag == "SV1":
        parts = element(seg, 1).split(component)
        claim.lines.append(BilledLine(code=parts[1], modifiers=parts[2:], charge=Decimal(element(seg, 2) or "0"),
                                      units=int(Decimal(element(seg, 4) or "1"))))
    elif tag == "DTP" and element(seg, 1) == "472" and claim.lines:
        claim.lines[-1].service_date = datetime.strptime(element(seg, 3)[:8], "%Y%m%d").date()
    elif tag == "REF" and element(seg, 1) == "6R" and claim.lines:
        claim.lines[-1].line_ref = element(seg, 2)
