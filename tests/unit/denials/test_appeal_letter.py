"""The appeal letter carries the claim's facts and the payer's reason, and escapes every value."""
from datetime import date
from decimal import Decimal
from html import escape

import pytest

from services.denials.domain.appeal_letter import ARGUMENTS, AppealFacts, render_appeal_letter
from services.denials.domain.detect import detect_denials
from tests.unit.denials.remits import line, remit

pytestmark = pytest.mark.unit


def facts(**changes) -> AppealFacts:
    [denial] = detect_denials(remit(line("71046", "250", "0", ("CO", "197", "250")), status="4"))
    values = dict(
        practice_name="Riverside Family Medicine", practice_address=("12 Main St", "Springfield, IL 62701"),
        payer_name="Aetna", claim_id="c1", payer_claim_number="PCN-778", dates_of_service=(date(2026, 10, 2),),
        procedure_codes=("71046",), billed_amount=Decimal("1250"), carc_texts=denial.explanation,
        category=denial.category, denied_amount=denial.amount, patient_name="Ana Doe", member_id="W123456789",
        letter_date=date(2026, 11, 20))
    return AppealFacts(**{**values, **changes})


def test_letter_states_the_facts_the_reason_and_the_argument():
    html = render_appeal_letter(facts())
    assert "CO-197: Precertification/authorization/notification absent" in html
    assert escape(ARGUMENTS["authorization"]) in html
    for fact in ("Riverside Family Medicine", "PCN-778", "2026-10-02", "71046", "$1,250.00", "$250.00", "W123456789"):
        assert fact in html


def test_letter_escapes_html():
    html = render_appeal_letter(facts(note="<script>alert(1)</script>", practice_name="Smith & Sons <Clinic>"))
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Smith &amp; Sons &lt;Clinic&gt;" in html


def test_missing_facts_fail_without_phi():
    with pytest.raises(ValueError) as error:
        facts(claim_id=" ")
    assert "claim_id" in str(error.value) and "Ana" not in str(error.value)
    with pytest.raises(ValueError):
        facts(carc_texts=())
