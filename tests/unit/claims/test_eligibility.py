"""270 writer, 271 reader and the hold rule, against the simulator's real 271s."""
import re
import tempfile
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from shared.x12 import X12SyntaxError
from services.claims.domain.eligibility import (EligibilityAnswer, Inquiry, eligibility_edit, is_cacheable, read_271,
                                                write_270)
from services.claims.adapters.x12_models import validate_transactions
from tools.payer_sim.eligibility import answer_270
from tools.payer_sim.members import MemberBook
from tools.payer_sim.state import SimState

pytestmark = pytest.mark.unit
AT = datetime(2026, 11, 22, 10, 30, tzinfo=timezone.utc)
DOS = date(2026, 11, 20)


def inquiry(trace: str, member_id: str, relationship: str = "self") -> Inquiry:
    return Inquiry(trace, member_id, "Rivera", "Ana", date(1971, 4, 12), "F", relationship, DOS)


def ask(*inquiries: Inquiry) -> tuple[str, str]:
    x12 = write_270(list(inquiries), payer_name="AETNA", payer_x12_id="60054", provider_name="Demo Clinic",
                    provider_npi="1234567893", sender_id="BILLINGPLATFORM", control_number=42, created_at=AT)
    answer = answer_270(x12, mailbox="tenant", state=SimState(tempfile.mktemp(suffix=".sqlite3")),
                        book=MemberBook.load(), seed=7, control=9, at=AT)
    return x12, answer


def test_the_270_passes_the_implementation_guide_models_for_subscribers_and_dependents():
    x12, _ = ask(inquiry("PCN1", "W123456789"), inquiry("PCN2", "W987654321", "child"))
    assert validate_transactions(x12, "270") == []
    assert "GS*HS*" in x12 and "ST*270*0001*005010X279A1" in x12 and "EQ*30" in x12
    assert "HL*4*2*22*1~" in x12 and "HL*5*4*23*0~" in x12 and "NM1*03*1*RIVERA*ANA" in x12


def test_a_broken_270_is_caught_by_the_gate():
    x12, _ = ask(inquiry("PCN1", "W123456789"))
    assert validate_transactions(x12.replace("NM1*1P*", "NM1*QQ*"), "270")
    assert validate_transactions(x12.replace("SE*13*", "SE*12*"), "270")


def test_active_coverage_carries_plan_copay_deductible_and_coinsurance():
    _, answer = ask(inquiry("PCN1", "W123456789"), inquiry("PCN2", "W555", "spouse"))
    assert validate_transactions(answer, "271") == []
    response = read_271(answer)
    for trace in ("PCN1", "PCN2"):
        got = response.answer_for(trace)
        assert got.status == "active" and got.plan and got.copay > 0
        assert got.deductible_remaining in (Decimal("0"), Decimal("50"), Decimal("100"), Decimal("250"))
        assert got.coinsurance == Decimal("0.2")
        assert eligibility_edit(got) is None and is_cacheable(got)


def test_answers_are_deterministic_per_seed_and_member():
    first = read_271(ask(inquiry("PCN1", "W123456789"))[1]).answer_for("PCN1")
    again = read_271(ask(inquiry("PCN1", "W123456789"))[1]).answer_for("PCN1")
    assert first == again


@pytest.mark.parametrize("member_id, status, edit_id", [
    ("INACTIVE-1", "inactive", "ELIG-COVERAGE-INACTIVE"),
    ("UNKNOWN-1", "not_found", "ELIG-MEMBER-UNKNOWN"),
    ("ELIGERR-1", "payer_error", "ELIG-PAYER-ERROR"),
])
def test_inactive_unknown_and_payer_error_hold_with_the_reason(member_id, status, edit_id):
    answer = read_271(ask(inquiry("PCN1", "W1"), inquiry("PCN9", member_id))[1])
    got = answer.answer_for("PCN9")
    assert got.status == status
    edit = eligibility_edit(got)
    assert edit.edit_id == edit_id and edit.severity == "error" and member_id not in edit.message
    assert answer.answer_for("PCN1").status == "active"
    assert is_cacheable(got) == (status != "payer_error")


def test_an_unknown_dependent_is_patient_not_found():
    got = read_271(ask(inquiry("PCN3", "UNKNOWN-7", "child"))[1]).answer_for("PCN3")
    assert got.status == "not_found" and got.reasons == ("AAA 67",)


def test_a_member_the_271_does_not_mention_is_a_payer_error():
    got = read_271(ask(inquiry("PCN1", "W1"))[1]).answer_for("MISSING")
    assert got.status == "payer_error" and "no answer" in got.reasons[0]


def test_a_cut_or_foreign_271_is_refused_not_half_read():
    _, answer = ask(inquiry("PCN1", "GARBLED-1"))
    with pytest.raises(X12SyntaxError, match="cut short|does not match"):
        read_271(answer)
    _, whole = ask(inquiry("PCN1", "W1"))
    with pytest.raises(X12SyntaxError, match="not a 271"):
        read_271(whole.replace("ST*271*", "ST*999*"))
    with pytest.raises(X12SyntaxError):
        read_271("not x12 at all")


def test_the_public_view_keeps_money_as_strings():
    view = EligibilityAnswer("T", "active", "GOLD PPO", Decimal("20.00"), Decimal("150"), Decimal("0.2")).public()
    assert view == {"status": "active", "plan": "GOLD PPO", "copay": "20.00", "deductible_remaining": "150",
                    "coinsurance": "0.2", "reasons": []}


def test_the_gate_names_the_rule_a_value_broke_never_the_value():
    x12, _ = ask(inquiry("PCN1", "W123456789"))
    birth_date = re.search(r"DMG\*D8\*(\d{8})", x12).group(1)
    problems = validate_transactions(x12.replace(f"DMG*D8*{birth_date}", "DMG*D8*19711305"), "270")
    assert problems and not any("19711305" in problem for problem in problems)
