"""Real denial patterns, categorized from the CARC/RARC data files; queue and SLA arithmetic."""
from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest

from shared.contracts.common import Adjustment
from shared.contracts.remit import RemitReceived, RemitServiceLine
from services.denials.domain.closing import resolves_denial
from services.denials.domain.detect import detect_denials
from services.denials.domain.queue import breach_risk, priority_score, sla_due

pytestmark = pytest.mark.unit


def remit(*lines, status="1", claim_adjustments=(), remarks=(), remit_id="r1") -> RemitReceived:
    return RemitReceived(remit_id=remit_id, claim_id="c1", patient_control_number="PCN1", payer_id="AETNA",
                         status_code=status, charge=sum((l.charge for l in lines), Decimal(0)),
                         paid=sum((l.paid for l in lines), Decimal(0)), patient_responsibility="0", trace_number="t",
                         claim_adjustments=list(claim_adjustments), remark_codes=list(remarks), service_lines=list(lines))


def line(code="99213", charge="100", paid="0", *adjustments, remarks=()):
    return RemitServiceLine(procedure_code=code, charge=charge, paid=paid, remark_codes=list(remarks),
                            adjustments=[Adjustment(group_code=g, reason_code=c, amount=a) for g, c, a in adjustments])


@pytest.mark.parametrize("group,carc,category,action", [
    ("CO", "197", "authorization", "appeal"),
    ("CO", "29", "timely_filing", "appeal"),
    ("CO", "18", "duplicate", "write_off"),
    ("CO", "50", "medical_necessity", "appeal"),
    ("CO", "4", "coding", "correct_and_resubmit"),
    ("PR", "204", "non_covered", "rebill_patient"),
    ("CO", "97", "bundling_ncci", "correct_and_resubmit"),
])
def test_line_denials_are_categorized(group, carc, category, action):
    [denial] = detect_denials(remit(line("99213", "100", "0", (group, carc, "100"))))
    assert (denial.level, denial.category, denial.recommended_action) == ("line", category, action)
    assert denial.carc_codes == (carc,) and denial.amount == Decimal("100.00")
    assert any(carc in text for text in denial.explanation)


def test_claim_level_denial_with_ma130_is_missing_information():
    [denial] = detect_denials(remit(line("99213", "100", "0", ("CO", "16", "100")), status="4", remarks=["MA130"]))
    assert (denial.level, denial.category, denial.rarc_codes) == ("claim", "missing_information", ("MA130",))


def test_partial_denial_on_a_paid_line():
    [denial] = detect_denials(remit(line("97110", "120", "60", ("CO", "45", "30"), ("CO", "151", "30"))))
    assert denial.category == "medical_necessity" and denial.amount == Decimal("30.00")


def test_pure_contractual_and_deductible_are_not_denials():
    assert detect_denials(remit(line("99213", "135", "70", ("CO", "45", "43"), ("PR", "1", "22")))) == []


def test_unknown_carc_is_queued_as_unknown_never_dropped():
    [denial] = detect_denials(remit(line("99213", "100", "0", ("CO", "Z99", "100"))))
    assert denial.category == "unknown" and "Unknown CARC Z99" in denial.explanation[0]


def test_reversal_is_not_a_denial():
    assert detect_denials(remit(line("99213", "-100", "-60", ("CO", "45", "-40")), status="22")) == []


def test_a_later_payment_overturns_the_denial():
    [denial] = detect_denials(remit(line("99213", "100", "0", ("CO", "197", "100"))))
    opened = SimpleNamespace(level=denial.level, procedure_code=denial.procedure_code, remit_id="r1")
    assert not resolves_denial(remit(line("99213", "100", "0", ("CO", "197", "100"))), opened)
    assert resolves_denial(remit(line("99213", "100", "80", ("CO", "45", "20")), remit_id="r2"), opened)


def test_sla_is_ten_business_days_and_breach_risk():
    assert sla_due(date(2026, 11, 20)) == date(2026, 12, 4)  # Friday + 10 business days
    assert breach_risk(date(2026, 11, 20), date(2026, 11, 23)) == "ok"
    assert breach_risk(date(2026, 11, 20), date(2026, 12, 3)) == "at_risk"
    assert breach_risk(date(2026, 11, 20), date(2026, 12, 7)) == "breached"


def test_priority_rises_with_amount_recoverability_and_urgency():
    assert priority_score(Decimal("900"), "missing_information", 10) > priority_score(Decimal("900"), "duplicate", 10)
    assert priority_score(Decimal("100"), "coding", 5) > priority_score(Decimal("100"), "coding", 80)
    assert 0 <= priority_score(Decimal("100000"), "coding", -5) <= 100
