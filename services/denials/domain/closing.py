"""A later remittance that pays what was denied closes the denial by itself."""
from shared.contracts.remit import RemitReceived


def resolves_denial(remit: RemitReceived, denial) -> bool:
    if remit.status_code in ("4", "22") or remit.remit_id == denial.remit_id:
        return False
    if denial.level == "claim":
        return remit.paid > 0
    return any(line.procedure_code == denial.procedure_code and line.paid > 0 for line in remit.service_lines)
