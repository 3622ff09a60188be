"""Earlier denials of the same payer and procedure come back as pre-submission warnings."""
from datetime import date, timedelta

import pytest

from shared.denial_patterns import DenialHistory, covered_codes, pattern_warnings
from shared.contracts.denial import DenialOpened

pytestmark = pytest.mark.unit
TODAY = date(2026, 11, 22)


def history(code="99213", payer="AETNA", category="authorization", denials=3, last=TODAY, carcs=("197",)):
    return DenialHistory(payer, code, category, carcs, denials, last - timedelta(days=30), last)


def warn(history_rows, codes=("99213",), payer="AETNA"):
    return pattern_warnings(payer_id=payer, payer_name="Aetna", procedure_codes=codes, history=history_rows,
                            today=TODAY)


def test_a_repeated_denial_of_this_procedure_by_this_payer_warns():
    [warning] = warn([history()])
    assert warning.edit_id == "DENIAL-PATTERN" and warning.severity == "warning" and warning.codes == ["99213"]
    assert "Aetna denied 99213 3 times" in warning.message and "CARC 197" in warning.message
    assert "prior authorization" in warning.message


def test_other_payers_other_codes_single_or_old_denials_stay_quiet():
    quiet = [history(payer="CIGNA"), history(code="00000"), history(denials=1),
             history(last=TODAY - timedelta(days=400))]
    assert warn(quiet) == []


def test_a_warning_never_holds_and_names_what_to_check():
    warnings = warn([history(category="coding")])
    assert all(w.severity == "warning" for w in warnings) and "modifiers" in warnings[0].message


def test_a_claim_denial_covers_every_billed_code():
    base = dict(denial_id="d", claim_id="c", remit_id="r", payer_id="AETNA", carc_codes=["197"], category="authorization",
                amount="10", preventable=True)
    assert covered_codes(DenialOpened(level="claim", procedure_codes=["71046", "99213", "71046"], **base)) == [
        "71046", "99213"]
    assert covered_codes(DenialOpened(level="line", procedure_code="97110", **base)) == ["97110"]
