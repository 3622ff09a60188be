"""One remit.received per claim payment of an 835."""
from collections.abc import Callable

from shared.contracts.remit import RemitReceived, RemitServiceLine
from services.payments.domain.remittance import Remittance


def remittance_to_events(remit: Remittance, remit_id: str, match_claim: Callable[[str], str | None]) -> list[RemitReceived]:
    return [
        RemitReceived(
            remit_id=remit_id, claim_id=match_claim(claim.patient_control_number),
            patient_control_number=claim.patient_control_number, payer_id=remit.payer_id,
            payer_name=remit.payer_name, status_code=claim.status_code, charge=claim.charge, paid=claim.paid,
            patient_responsibility=claim.patient_responsibility,
            payer_claim_control_number=claim.payer_claim_control_number, claim_adjustments=claim.adjustments,
            remark_codes=claim.remark_codes, payment_method=remit.payment_method, trace_number=remit.trace_number,
            payment_date=remit.payment_date,
            service_lines=[RemitServiceLine(
                procedure_qualifier=line.qualifier, procedure_code=line.original_procedure or line.procedure_code,
                modifiers=line.modifiers, charge=line.charge, paid=line.paid, units=line.units,
                date_of_service=line.date_of_service, line_control_number=line.line_control_number,
                adjustments=line.adjustments, remark_codes=line.remark_codes) for line in claim.service_lines],
        )
        for claim in remit.claims
    ]
