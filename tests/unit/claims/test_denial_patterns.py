"""Earlier denials of the same payer and procedure come back as pre-submission warnings."""
from datetime import date, timedelta

import pytest

from services.claims.domain.patterns import DenialHistory, denial_pattern_warnings
from tests.unit.claims.builders import claim

pytestmark = pytest.mark.unit
TODAY = date(2026, 11, 22)


def history(code="99213", payer="AETNA", category="authorization", denials=3, last=TODAY, carcs=("197",)):
    return DenialHistory(payer, code, category, carcs, denials, last - timedelta(days=30), last)


def test_a_repeated_denial_of_this_procedure_by_this_payer_warns():
    built = claim()
    code = built.lines[0].procedure_code
    [warning] = denial_pattern_warnings(built, [history(code=code)], today=TODAY)
    assert warning.edit_id == "SCRUB-DENIAL-PATTERN" and warning.severity == "warning" and warning.codes == [code]
    assert "3 times" in warning.message and "CARC 197" in warning.message and "prior authorization" in warning.message


def test_other_payers_other_codes_single_or_old_denials_stay_quiet():
    built = claim()
    code = built.lines[0].procedure_code
    quiet = [history(code=code, payer="CIGNA"), history(code="00000"), history(code=code, denials=1),
             history(code=code, last=TODAY - timedelta(days=400))]
    assert denial_pattern_warnings(built, quiet, today=TODAY) == []


def test_a_warning_never_holds_the_claim():
    built = claim()
    warnings = denial_pattern_warnings(built, [history(code=built.lines[0].procedure_code, category="coding")],
                                       today=TODAY)
    assert all(w.severity == "warning" for w in warnings) and "modifiers" in warnings[0].message
