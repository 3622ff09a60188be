"""The scrubber's finding that holds a claim, shared by the scrub rule modules."""
from shared.contracts.common import EditResult, Severity


def scrub_error(edit_id: str, message: str, *codes: str) -> EditResult:
    return EditResult(edit_id=edit_id, severity=Severity.ERROR, message=message, codes=list(codes))
