"""Read an X12 835 (005010X221A1) into a Remittance.

A segment reader over the shared tokenizer: x12sdk parses the guide's examples too (LIBRARIES.md),
but one small loop that knows CLP/SVC/CAS/PLB kept the hot path at tens of thousands of claim
payments a second and every error tied to a segment position.
"""
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from shared.contracts.common import Adjustment
from shared.money import ZERO, to_money
from shared.x12 import X12SyntaxError, delimiters, element, segments
from services.payments.domain.envelope_check import envelope_problems
from services.payments.domain.remittance import ClaimPaymentRecord, ProviderAdjustment, Remittance, ServicePayment

CAS_GROUPS = {"CO", "PR", "OA", "PI", "CR"}


class Malformed835(Exception):
    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems[:5]))
        self.problems = problems


def _money(value: str, where: str) -> Decimal:
    try:
        return to_money(value or "0")
    except (ValueError, InvalidOperation) as exc:
        raise Malformed835([f"{where}: not an amount"]) from exc


def _date(value: str) -> date | None:
    try:
        return datetime.strptime(value[:8], "%Y%m%d").date()
    except ValueError:
        return None


def parse_835(text: str) -> Remittance:
    try:
        component = delimiters(text).component
        segs = segments(text)
    except X12SyntaxError as exc:
        raise Malformed835([str(exc)]) from exc
    problems = envelope_problems(segs)
    if not any(seg[0] == "ST" and element(seg, 1) == "835" for seg in segs):
        problems.append("ST at segment 3: not an 835 transaction")
    if problems:
        raise Malformed835(problems)
    try:
        return _read(segs, component)
    except (IndexError, ValueError) as exc:
        raise Malformed835([f"unreadable 835 ({type(exc).__name__})"]) from exc


def _read(segs: list[list[str]], component: str) -> Remittance:
    remit = Remittance("", "", "", "", "", "", ZERO, None)
    claim: ClaimPaymentRecord | None = None
    line: ServicePayment | None = None
    for position, seg in enumerate(segs, start=1):
        tag, where = seg[0], f"{seg[0]} at segment {position}"
        if tag == "BPR":
            remit.total_paid, remit.payment_method = _money(element(seg, 2), where), element(seg, 4)
            remit.payment_date = _date(element(seg, 16))
        elif tag == "TRN":
            remit.trace_number, remit.payer_trace_id = element(seg, 2), element(seg, 3)
        elif tag == "N1" and element(seg, 1) == "PR":
            remit.payer_name, remit.payer_id = element(seg, 2), element(seg, 4) or remit.payer_id
        elif tag == "REF" and element(seg, 1) == "2U" and claim is None:
            remit.payer_id = element(seg, 2)
        elif tag == "N1" and element(seg, 1) == "PE":
            remit.payee_npi = element(seg, 4)
        elif tag == "CLP":
            claim, line = _claim(seg, where), None
            remit.claims.append(claim)
        elif tag == "SVC" and claim is not None:
            line = _service(seg, where, component)
            claim.service_lines.append(line)
        elif tag == "CAS" and claim is not None:
            (line.adjustments if line else claim.adjustments).extend(_adjustments(seg, where))
        elif tag in ("MOA", "MIA") and claim is not None:
            claim.remark_codes += [v for v in seg[1:] if v and not _is_number(v)]
        elif tag == "LQ" and line is not None:
            line.remark_codes.append(element(seg, 2))
        elif tag == "DTM" and element(seg, 1) in ("472", "150") and line is not None:
            line.date_of_service = _date(element(seg, 2))
        elif tag == "REF" and element(seg, 1) == "6R" and line is not None:
            line.line_control_number = element(seg, 2)
        elif tag == "PLB":
            remit.provider_adjustments += _provider_adjustments(seg, where, component)
    remit.payer_id = remit.payer_id or remit.payer_trace_id or remit.payer_name
    return remit


def _is_number(value: str) -> bool:
    try:
        Decimal(value)
        return True
    except InvalidOperation:
        return False


def _claim(seg: list[str], where: str) -> ClaimPaymentRecord:
    return ClaimPaymentRecord(
        patient_control_number=element(seg, 1), status_code=element(seg, 2), charge=_money(element(seg, 3), where),
        paid=_money(element(seg, 4), where), patient_responsibility=_money(element(seg, 5), where),
        payer_claim_control_number=element(seg, 7) or None)


def _service(seg: list[str], where: str, component: str) -> ServicePayment:
    parts = element(seg, 1).split(component)
    original = element(seg, 6).split(component) if element(seg, 6) else []
    return ServicePayment(
        qualifier=parts[0], procedure_code=parts[1] if len(parts) > 1 else "", modifiers=[m for m in parts[2:6] if m],
        charge=_money(element(seg, 2), where), paid=_money(element(seg, 3), where),
        units=element(seg, 5) or element(seg, 7) or None,
        original_procedure=original[1] if len(original) > 1 else None)


def _adjustments(seg: list[str], where: str) -> list[Adjustment]:
    group = element(seg, 1)
    if group not in CAS_GROUPS:
        raise Malformed835([f"CAS01 {where[4:]}: unknown group code"])
    found = []
    for i in range(2, len(seg), 3):
        if seg[i]:
            found.append(Adjustment(group_code=group, reason_code=seg[i], amount=_money(element(seg, i + 1), where),
                                    quantity=element(seg, i + 2) or None))
    return found


def _provider_adjustments(seg: list[str], where: str, component: str) -> list[ProviderAdjustment]:
    found = []
    for i in range(3, len(seg) - 1, 2):
        if seg[i]:
            reason, _, reference = seg[i].partition(component)
            found.append(ProviderAdjustment(reason, reference, _money(seg[i + 1], where)))
    return found
