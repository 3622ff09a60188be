"""Constructors for EditResult: an error holds the encounter for review, a warning travels with the claim."""
from shared.contracts.common import EditResult, Severity


def error(edit_id: str, message: str, *codes: str) -> EditResult:
    return EditResult(edit_id=edit_id, severity=Severity.ERROR, message=message, codes=list(codes))


def warning(edit_id: str, message: str, *codes: str) -> EditResult:
    return EditResult(edit_id=edit_id, severity=Severity.WARNING, message=message, codes=list(codes))


def has_error(edits: list[EditResult]) -> bool:
    return any(e.severity == Severity.ERROR for e in edits)
