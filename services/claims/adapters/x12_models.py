"""The independent gate on the 270s and 276s we send: x12sdk's implementation-guide models.

pyx12 4.0.0 ships no 5010 map for the 270, 271 or 276 (the
wheel carries only the 4010 ones), so these are checked by parsing them into x12sdk's pydantic models
of 005010X279A1 and 005010X212, which enforce loops, required segments, code values and counts.
Messages give the loop path and the rule, never the offending value (it can be PHI). x12sdk runs
with the speedups of `x12sdk_speedups`: same verdicts, less CPU.
"""
from pydantic import ValidationError
from x12sdk.io import X12ModelReader

from services.claims.adapters import x12sdk_speedups

x12sdk_speedups.apply()


def validate_transactions(text: str, expected: str) -> list[str]:
    """[] when every transaction parses as the expected set (e.g. "270"); otherwise the problems."""
    try:
        with X12ModelReader(text) as reader:
            models = list(reader.models())
    except ValidationError as exc:
        return [_problem(error) for error in exc.errors(include_input=False)][:20]
    except Exception as exc:  # fail closed: a file the models cannot read is not sent
        return [f"x12sdk could not read the file: {type(exc).__name__}"]
    kinds = [m.header.st_segment.transaction_set_identifier_code for m in models]
    if not kinds or any(kind != expected for kind in kinds):
        return [f"expected {expected} transactions, found {','.join(kinds) or 'none'}"]
    return []


# The library's own validators raise ValueErrors that quote the value ("Invalid date value 19711305"): a
# birth date or a member id. Their message is replaced by the rule's kind; pydantic's built-in messages
# name what was expected, never the input.
VALUE_QUOTING_ERRORS = frozenset({"value_error", "assertion_error"})


def _problem(error: dict) -> str:
    where = ".".join(str(part) for part in error["loc"])
    if error["type"] in VALUE_QUOTING_ERRORS:
        return f"{where}: the value breaks the implementation guide's rule for this element"
    return f"{where}: {error['msg']}"
