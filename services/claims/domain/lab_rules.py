"""Laboratory claims under CLIA: the practice's CLIA number on every claim with a lab test (837P REF*X4),
the QW modifier on CLIA-waived tests billed to Medicare, modifier 91 on a repeated test, and none of it
for a test sent to a reference laboratory (modifier 90), which bills under the reference lab's number.

`data/clia_waived_tests.csv` is a subset of CMS's list of tests granted waived status under CLIA (the common
office tests), with CMS's exceptions that need no QW (81002, 81025, 82270, 82272, 82962, 83026, 84830, 85013,
85651). A waived test missing from the subset is treated as a non-waived lab test: it still needs the
CLIA number, only the QW check is skipped.
"""
import csv
from collections.abc import Iterable, Mapping
from pathlib import Path

from shared.contracts.common import EditResult
from services.claims.domain.edit_results import scrub_error as _error
from services.claims.domain.model import Claim, ClaimLine
from services.claims.domain.payers import program_of

DATA = Path(__file__).resolve().parents[1] / "data"
REFERENCE_LAB, REPEAT_TEST, WAIVED = "90", "91", "QW"


def parse_waived_tests(lines: Iterable[str]) -> dict[str, bool]:
    """CPT code -> whether Medicare wants QW on it."""
    return {row["code"]: row["needs_qw"] == "Y" for row in csv.DictReader(lines)}


def load_waived_tests(path: Path = DATA / "clia_waived_tests.csv") -> dict[str, bool]:
    with open(path, newline="", encoding="utf-8") as source:
        return parse_waived_tests(source)


WAIVED_TESTS: Mapping[str, bool] = load_waived_tests()


def is_lab_test(code: str) -> bool:
    """CPT's pathology and laboratory section, 80047-89398."""
    return code.isdigit() and "80047" <= code <= "89398"


def in_house_lab_lines(claim: Claim) -> list[ClaimLine]:
    """Lab lines performed by the practice itself: a reference lab's test (modifier 90) is not."""
    return [line for line in claim.lines if is_lab_test(line.procedure_code) and REFERENCE_LAB not in line.modifiers]


def lab_certification(claim: Claim, **_) -> list[EditResult]:
    lines = in_house_lab_lines(claim)
    edits = []
    if lines and not claim.billing_provider.clia_number:
        codes = sorted({line.procedure_code for line in lines})
        edits.append(_error("SCRUB-CLIA-NUMBER", f"{', '.join(codes)} is a laboratory test: the claim needs the "
                                                 "practice's CLIA number (REF*X4); add it to the tenant's billing "
                                                 "provider", *codes))
    if program_of(claim.payer) == "medicare":
        edits += [_error("SCRUB-CLIA-QW", f"line {line.line_number} ({line.procedure_code}) is a CLIA-waived test: "
                                          "Medicare needs modifier QW on it", line.procedure_code)
                  for line in lines if WAIVED_TESTS.get(line.procedure_code) and WAIVED not in line.modifiers]
    return edits + _repeats(lines)


def _repeats(lines: list[ClaimLine]) -> list[EditResult]:
    """The same test again on the same day is a repeat for a new result: the later line carries 91."""
    seen: set[tuple] = set()
    edits = []
    for line in lines:
        key = (line.procedure_code, line.date_of_service)
        if key in seen and REPEAT_TEST not in line.modifiers:
            edits.append(_error("SCRUB-LAB-REPEAT-91", f"line {line.line_number} repeats {line.procedure_code} the "
                                                       "same day: a repeat test for a new result needs modifier 91 "
                                                       "(or one line with more units)", line.procedure_code))
        seen.add(key)
    return edits

