"""The same remittance twice posts nothing: payer + TRN02 (check or EFT trace) + TRN03 identify it."""
from services.payments.domain.remittance import Remittance


def remittance_key(remit: Remittance) -> str:
    return f"{remit.payer_id}|{remit.trace_number}|{remit.payer_trace_id}"
