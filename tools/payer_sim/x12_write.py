"""The simulator's answers as real X12: 999 (X231A1), 277CA (X214) and 835 (X221A1)."""
import json
from datetime import datetime
from decimal import Decimal

from shared.money import ZERO, format_x12_amount
from tools.payer_sim.adjudication import ClaimDecision
from tools.payer_sim.x12_read import Submission

PAYER_NAME, PAYER_ID = "SIMULATED HEALTH PLAN", "SIMPAYER01"
PAYER_TRN_ID = "1512345678"
# The plan a crossover claim is forwarded to: its 835 comes from it, not from the primary.
SUPPLEMENTAL_PAYER = {"payer_name": "SIMULATED MEDIGAP PLAN", "payer_trn_id": "1599999999"}


def _seg(*elements: str) -> str:
    parts = list(elements)
    while len(parts) > 1 and parts[-1] == "":
        parts.pop()
    return "*".join(parts) + "~"


def _envelope(body: list[str], *, functional_id: str, version: str, control: int, sender: str, receiver: str,
              at: datetime) -> str:
    isa = _seg("ISA", "00", " " * 10, "00", " " * 10, "ZZ", sender[:15].ljust(15), "ZZ", receiver[:15].ljust(15),
               at.strftime("%y%m%d"), at.strftime("%H%M"), "^", "00501", f"{control:09d}", "0", "T", ":")
    gs = _seg("GS", functional_id, sender[:15], receiver[:15], at.strftime("%Y%m%d"), at.strftime("%H%M"),
              str(control), "X", version)
    return isa + gs + "".join(body) + _seg("GE", "1", str(control)) + _seg("IEA", "1", f"{control:09d}")


def _transaction(kind: str, version: str, segments: list[str]) -> list[str]:
    # The 835 guide marks ST03 "not used"; the 999 and 277CA carry their guide's version there.
    body = [_seg("ST", kind, "0001", "" if kind == "835" else version), *segments]
    return body + [_seg("SE", str(len(body) + 1), "0001")]


def write_999(sub: Submission, *, errors: list[str], control: int, at: datetime) -> str:
    verdict = "R" if errors else "A"
    segments = [_seg("AK1", "HC", sub.group_control_number or "1", "005010X222A1")]
    for st_control in sub.transaction_controls or ["0001"]:
        segments.append(_seg("AK2", "837", st_control, "005010X222A1"))
        for problem in errors[:10]:
            segments.append(_seg("IK3", problem[:3], "1", "", "8"))
        segments.append(_seg("IK5", verdict, *(["5"] if errors else [])))
    count = str(len(sub.transaction_controls or ["0001"]))
    segments.append(_seg("AK9", verdict, count, count, "0" if errors else count))
    return _envelope(_transaction("999", "005010X231A1", segments), functional_id="FA", version="005010X231A1",
                     control=control, sender=PAYER_ID, receiver=sub.sender_id or "SUBMITTER", at=at)


def write_277ca(sub: Submission, decisions: list[ClaimDecision], *, control: int, at: datetime) -> str:
    day = at.strftime("%Y%m%d")
    total = sum((d.claim.charge for d in decisions), ZERO)
    segments = [
        _seg("BHT", "0085", "08", f"{control}", day, at.strftime("%H%M"), "TH"),
        _seg("HL", "1", "", "20", "1"), _seg("NM1", "PR", "2", PAYER_NAME, "", "", "", "", "PI", PAYER_ID),
        _seg("TRN", "1", f"{control}"), _seg("DTP", "050", "D8", day), _seg("DTP", "009", "D8", day),
        _seg("HL", "2", "1", "21", "1"), _seg("NM1", "41", "2", "SUBMITTER", "", "", "", "", "46", sub.sender_id or "SUBMITTER"),
        _seg("TRN", "2", sub.control_number), _seg("STC", "A1:19", day, "WQ", format_x12_amount(total)),
        _seg("QTY", "90", str(sum(1 for d in decisions if not d.rejection))),
        _seg("QTY", "AA", str(sum(1 for d in decisions if d.rejection))),
        _seg("AMT", "YU", format_x12_amount(total)),
        _seg("HL", "3", "2", "19", "1"), _seg("NM1", "85", "2", sub.billing_name or "PROVIDER", "", "", "", "", "XX", sub.billing_npi),
        _seg("TRN", "1", sub.control_number or f"{control}"), _seg("STC", "A1:19", "", "WQ", format_x12_amount(total)),
    ]
    for number, decision in enumerate(decisions, start=4):
        claim = decision.claim
        status = f"{decision.rejection}" if decision.rejection else "A1:20"
        segments += [
            _seg("HL", str(number), "3", "PT"),
            _seg("NM1", "QC", "1", claim.last_name, claim.first_name, "", "", "", "MI", claim.member_id),
            _seg("TRN", "2", claim.pcn),
            _seg("STC", status, day, "WQ" if not decision.rejection else "U", format_x12_amount(claim.charge)),
        ]
        if not decision.rejection:
            segments.append(_seg("REF", "1K", decision.payer_claim_number))
        dates = sorted(l.service_date for l in claim.lines if l.service_date)
        if dates:
            segments.append(_seg("DTP", "472", "RD8", f"{dates[0]:%Y%m%d}-{dates[-1]:%Y%m%d}"))
    return _envelope(_transaction("277", "005010X214", segments), functional_id="HN", version="005010X214",
                     control=control, sender=PAYER_ID, receiver=sub.sender_id or "SUBMITTER", at=at)


def write_835(sub: Submission, decisions: list[ClaimDecision], *, control: int, trace_number: str, at: datetime,
              payer_name: str = PAYER_NAME, payer_trn_id: str = PAYER_TRN_ID) -> str:
    day = at.strftime("%Y%m%d")
    total = sum((d.paid for d in decisions), ZERO)
    # A payer that takes money back (a void's reversal) debits the account: BPR03 = D.
    bpr = (_seg("BPR", "I", format_x12_amount(abs(total)), "C" if total > 0 else "D", "ACH", "CCP", "01", "999999999",
                "DA", "123456", "1512345678", "", "01", "999988880", "DA", "98765", day) if total != 0
           else _seg("BPR", "H", "0", "C", "NON", "", "", "", "", "", "", "", "", "", "", "", day))
    segments = [
        bpr, _seg("TRN", "1", trace_number, payer_trn_id), _seg("DTM", "405", day),
        _seg("N1", "PR", payer_name), _seg("N3", "PO BOX 1000"), _seg("N4", "SPRINGFIELD", "IL", "62701"),
        _seg("PER", "BL", "PROVIDER SERVICES", "TE", "8005550199"),
        _seg("N1", "PE", sub.billing_name or "PROVIDER", "XX", sub.billing_npi),
        _seg("REF", "TJ", "123456789"), _seg("LX", "1"),
    ]
    for decision in decisions:
        segments += _claim_payment(decision)
    return _envelope(_transaction("835", "005010X221A1", segments), functional_id="HP", version="005010X221A1",
                     control=control, sender=PAYER_ID, receiver=sub.sender_id or "SUBMITTER", at=at)


def _reversal(decision: ClaimDecision) -> list[str]:
    """CLP02 = 22 on the original claim: its charge, payment, patient responsibility and adjustments negated, at
    the claim level (CAS per group, six reasons a segment); a claim recorded without its adjustments keeps
    CLP03 - CLP04 balanced with one CO-45."""
    original = decision.reversal_of
    charge, paid = -Decimal(original["charge"]), decision.paid
    adjustments = [(g, c, -Decimal(a)) for g, c, a in json.loads(original.get("adjustments") or "[]")]
    rest = charge - paid - sum((a for _, _, a in adjustments), ZERO)
    if rest:
        adjustments.append(("CO", "45", rest))
    patient = sum((a for g, _, a in adjustments if g == "PR"), ZERO)
    segments = [_seg("CLP", original["pcn"], "22", format_x12_amount(charge), format_x12_amount(paid),
                     format_x12_amount(patient) if patient else "", "12", original["payer_claim_number"], "11",
                     decision.claim.frequency)]
    segments += _cas_segments(adjustments)
    return segments + [_seg("NM1", "QC", "1", decision.claim.last_name, decision.claim.first_name, "", "", "", "MI",
                            decision.claim.member_id)]


def _cas_segments(adjustments: list[tuple[str, str, Decimal]]) -> list[str]:
    """One CAS per group code, at most six reasons each (a seventh starts another CAS of the group)."""
    segments = []
    for group in ("CO", "PR", "OA", "PI", "CR"):
        found = [(c, a) for g, c, a in adjustments if g == group and a]
        for start in range(0, len(found), 6):
            segments.append(_seg("CAS", group, *[v for c, a in found[start:start + 6]
                                                 for v in (c, format_x12_amount(a), "")]))
    return segments


def _claim_payment(decision: ClaimDecision) -> list[str]:
    if decision.reversal_of is not None:
        return _reversal(decision)
    claim = decision.claim
    segments = [
        _seg("CLP", claim.pcn, decision.status, format_x12_amount(claim.charge), format_x12_amount(decision.paid),
             format_x12_amount(decision.patient_responsibility) if decision.patient_responsibility else "", "12",
             decision.payer_claim_number, "11", "1"),
        _seg("NM1", "QC", "1", claim.last_name, claim.first_name, "", "", "", "MI", claim.member_id),
    ]
    if decision.remark_codes:
        segments.append(_seg("MOA", "", "", *decision.remark_codes[:5]))
    for line_decision in decision.lines:
        line = line_decision.line
        segments.append(_seg("SVC", ":".join(["HC", line.code, *line.modifiers]), format_x12_amount(line.charge),
                             format_x12_amount(line_decision.paid), "", str(line.units)))
        if line.service_date:
            segments.append(_seg("DTM", "472", line.service_date.strftime("%Y%m%d")))
        segments += _cas_segments(line_decision.adjustments)
        if line.line_ref:
            segments.append(_seg("REF", "6R", line.line_ref))
        if line_decision.allowed:
            segments.append(_seg("AMT", "B6", format_x12_amount(line_decision.allowed)))
        if any(c == "197" for _, c, _ in line_decision.adjustments):
            segments.append(_seg("LQ", "HE", "N54"))
    return segments
