"""The same remittance twice posts nothing: the payer plus TRN02 (check or EFT trace number) plus TRN03
(the payer's originating company id) identify one payment for as long as the payer exists."""
from services.payments.domain.remittance import Remittance


def remittance_key(remittance: Remittance) -> str:
    """A readable key, stable across re-sends of the same check; '|' and '\\' inside values are escaped."""
    parts = (remittance.payer_id, remittance.trace_number, remittance.payer_trace_id)
    return "|".join(part.strip().replace("\\", "\\\\").replace("|", "\\|") for part in parts)
