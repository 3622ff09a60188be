"""One remit.received per claim payment (CLP loop) of an 835."""
from collections.abc import Callable

from shared.contracts.remit import RemitReceived, RemitServiceLine
from services.payments.domain.remittance import ClaimPaymentRecord, Remittance, ServicePayment


def remittance_to_events(remittance: Remittance, remit_id: str,
                         match_claim: Callable[[str], str | None]) -> list[RemitReceived]:
    """match_claim maps CLP01 (our patient control number) to our claim id, or None when nothing matches."""
    return [_event(remittance, claim, remit_id, match_claim(claim.patient_control_number), sequence)
            for sequence, claim in enumerate(remittance.claims, start=1)]


def _event(remittance: Remittance, claim: ClaimPaymentRecord, remit_id: str, claim_id: str | None,
           sequence: int) -> RemitReceived:
    return RemitReceived(
        remit_id=remit_id, claim_id=claim_id, patient_control_number=claim.patient_control_number,
        payer_id=remittance.payer_id, payer_name=remittance.payer_name or None, status_code=claim.status_code,
        charge=claim.charge, paid=claim.paid, patient_responsibility=claim.patient_responsibility,
        payer_claim_control_number=claim.payer_claim_control_number,
        claim_adjustments=list(claim.claim_adjustments), remark_codes=list(claim.remark_codes),
        service_lines=[_line(line) for line in claim.service_lines], payment_method=remittance.payment_method or None,
        trace_number=remittance.trace_number, payment_date=remittance.payment_date, claim_payment_sequence=sequence)


def _line(line: ServicePayment) -> RemitServiceLine:
    """The contract has one procedure field: it carries the code we billed (SVC06 when the payer recoded,
    bundled or unbundled), because that is what posting and denial work match against."""
    recoded = line.original_procedure_code is not None
    return RemitServiceLine(
        procedure_qualifier=(line.original_qualifier if recoded else None) or line.procedure_qualifier,
        procedure_code=line.billed_code, modifiers=list(line.billed_modifiers), charge=line.charge,
        paid=line.paid, units=line.units,
        date_of_service=line.date_of_service, line_control_number=line.line_control_number,
        adjustments=list(line.adjustments), remark_codes=list(line.remark_codes))
