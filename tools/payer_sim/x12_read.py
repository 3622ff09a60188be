"""Reads an 837P into the few facts a payer adjudicates on."""
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from shared.x12 import delimiters, element, segments


@dataclass
class PriorAdjudication:
    """What an earlier payer did, as the 837P tells a later one: 2320 (claim) or 2430 (line)."""

    paid: Decimal = Decimal("0")
    patient_responsibility: Decimal | None = None  # 2320 AMT*EAF; on a line, the PR adjustments say it
    adjustments: list[tuple[str, str, Decimal]] = field(default_factory=list)

    @property
    def patient_share(self) -> Decimal:
        if self.patient_responsibility is not None:
            return self.patient_responsibility
        return sum((a for g, _, a in self.adjustments if g == "PR"), Decimal("0"))


@dataclass
class BilledLine:
    code: str
    modifiers: list[str]
    charge: Decimal
    units: int
    service_date: date | None = None
    line_ref: str | None = None
    prior: list[PriorAdjudication] = field(default_factory=list)  # 2430, one per earlier payer


@dataclass
class BilledClaim:
    pcn: str
    charge: Decimal
    frequency: str
    member_id: str = ""
    group_number: str = ""  # SBR03
    last_name: str = ""
    first_name: str = ""
    payer_id: str = ""
    prior_auth: str | None = None
    original_claim_number: str | None = None
    diagnoses: list[str] = field(default_factory=list)
    lines: list[BilledLine] = field(default_factory=list)
    sequence: str = "P"  # SBR01 of the payer billed now
    prior: list[PriorAdjudication] = field(default_factory=list)  # 2320, one per earlier payer


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
        if tag == "HL":  # a new billing provider, subscriber or patient: the claim before it is complete
            claim = None
        elif tag == "SBR" and claim is None:
            subscriber = {"sequence": element(seg, 1) or "P", "group_number": element(seg, 3)}
        elif tag == "ISA":
            sub.control_number, sub.sender_id, sub.receiver_id = element(seg, 13), element(seg, 6).strip(), element(seg, 8).strip()
        elif tag == "GS":
            sub.group_control_number = element(seg, 6)
        elif tag == "ST":
            sub.transaction_controls.append(element(seg, 2))
        elif tag == "NM1" and element(seg, 1) == "85":
            sub.billing_name, sub.billing_npi = element(seg, 3), element(seg, 9)
        elif tag == "NM1" and element(seg, 1) == "IL" and claim is None:
            subscriber.update(member_id=element(seg, 9), last_name=element(seg, 3), first_name=element(seg, 4))
        elif tag == "NM1" and element(seg, 1) == "PR" and claim is None:
            subscriber["payer_id"] = element(seg, 9)
        elif tag == "CLM":
            claim = BilledClaim(pcn=element(seg, 1), charge=Decimal(element(seg, 2) or "0"),
                                frequency=element(seg, 5).split(component)[-1], **subscriber)
            sub.claims.append(claim)
        elif claim is not None:
            _claim_detail(claim, seg, component)
    return sub


def _prior_detail(claim: BilledClaim, seg: list[str]) -> bool:
    """2320 before the first service line, 2430 after it; True when the segment was one of theirs."""
    tag = seg[0]
    if tag == "SBR":
        claim.prior.append(PriorAdjudication())
    elif tag == "SVD" and claim.lines:
        claim.lines[-1].prior.append(PriorAdjudication(paid=Decimal(element(seg, 2) or "0")))
    elif tag == "AMT" and element(seg, 1) in ("D", "EAF") and claim.prior and not claim.lines:
        amount = Decimal(element(seg, 2) or "0")
        if element(seg, 1) == "D":
            claim.prior[-1].paid = amount
        else:
            claim.prior[-1].patient_responsibility = amount
    elif tag == "CAS":
        target = claim.lines[-1].prior if claim.lines else claim.prior
        if target:
            target[-1].adjustments += [(element(seg, 1), seg[i], Decimal(seg[i + 1] or "0"))
                                       for i in range(2, len(seg) - 1, 3) if seg[i]]
    else:
        return False
    return True


def _claim_detail(claim: BilledClaim, seg: list[str], component: str) -> None:
    tag = seg[0]
    if _prior_detail(claim, seg):
        return
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
