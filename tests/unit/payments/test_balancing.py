import pytest

pytestmark = pytest.mark.unit

# check_balance: BPR02 = sum(CLP04) - sum(PLB); CLP03 - CLP04 = all CAS; SVC02 - SVC03 = the line's CAS.
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from shared.contracts.common import Adjustment
from services.payments.domain.balancing import check_balance
from services.payments.domain.remittance import ClaimPaymentRecord, ProviderAdjustment, Remittance, ServicePayment

D = Decimal


def adj(group: str, carc: str, amount: str) -> Adjustment:
    return Adjustment(group_code=group, reason_code=carc, amount=amount)


def svc(charge: str, paid: str, *adjustments: Adjustment, code: str = "99213", position: int = 0) -> ServicePayment:
    return ServicePayment("HC", code, (), D(charge), D(paid), adjustments=adjustments, position=position)


def clp(charge: str, paid: str, *lines: ServicePayment, claim_adjustments=(), status="1", pr="0",
        position: int = 0) -> ClaimPaymentRecord:
    return ClaimPaymentRecord("PCN-SECRET-1", status, D(charge), D(paid), D(pr), claim_adjustments=tuple(claim_adjustments),
                              service_lines=lines, position=position)


def remittance(total: str, *claims: ClaimPaymentRecord, plb=(), credit_debit="C", position=3) -> Remittance:
    return Remittance("PAYER", "PLAN", "1234567893", "", "TRN1", "1512345678", "ACH", D(total), None,
                      claims=claims, provider_adjustments=tuple(plb), credit_debit=credit_debit, position=position)


GOOD = clp("147", "76", svc("135", "73.6", adj("CO", "45", "43"), adj("PR", "2", "18.4")),
           svc("12", "2.4", adj("CO", "45", "9"), adj("PR", "2", "0.6")), pr="19")


def test_balanced_remittance_has_no_problems():
    assert check_balance(remittance("76", GOOD)) == []


def test_check_total_off_by_ten():
    [problem] = check_balance(remittance("86", GOOD))
    assert problem.startswith("BPR02 (transaction set at segment 3)")
    assert "check total 86" in problem and "= 76.00" in problem


def test_plb_reduces_the_check_and_negative_plb_adds_interest():
    assert check_balance(remittance("51", GOOD, plb=[ProviderAdjustment("WO", "R1", D("25"))])) == []
    assert check_balance(remittance("78.50", GOOD, plb=[ProviderAdjustment("L6", "", D("-2.50"))])) == []
    assert check_balance(remittance("76", GOOD, plb=[ProviderAdjustment("WO", "R1", D("25"))])) != []


def test_plb_only_check_with_no_claims():
    assert check_balance(remittance("-40", plb=[ProviderAdjustment("WO", "R1", D("40"))], credit_debit="C")) == []
    assert check_balance(remittance("40", plb=[ProviderAdjustment("WO", "R1", D("40"))], credit_debit="D")) == []


def test_debit_flag_makes_the_check_negative():
    reversal = clp("-147", "-76", claim_adjustments=[adj("CO", "45", "-52"), adj("PR", "2", "-19")], status="22")
    assert check_balance(remittance("76", reversal, credit_debit="D")) == []
    assert check_balance(remittance("76", reversal, credit_debit="C")) != []


def test_claim_out_of_balance_names_position_not_pcn():
    bad = clp("147", "76", svc("147", "76", adj("CO", "45", "60")), position=14)
    problems = check_balance(remittance("76", bad))
    assert any("claim payment 1 (CLP at segment 14)" in p for p in problems)
    assert all("PCN-SECRET" not in p for p in problems)


def test_claim_level_and_line_level_cas_both_count_for_the_claim():
    claim = clp("100", "60", svc("100", "60", adj("CO", "45", "30")), claim_adjustments=[adj("PR", "1", "10")])
    problems = check_balance(remittance("60", claim))
    # the claim balances (30 + 10) but the line does not (100 - 60 != 30)
    assert len(problems) == 1 and "line 1" in problems[0]


def test_line_out_of_balance():
    claim = clp("100", "60", svc("100", "60", adj("CO", "45", "30"), position=20), claim_adjustments=[])
    problems = check_balance(remittance("60", claim))
    assert any("line 1 (SVC at segment 20)" in p for p in problems)
    assert any("claim payment 1" in p and "line" not in p.split(":")[0] for p in problems)


def test_claim_without_lines_balances_on_claim_cas():
    assert check_balance(remittance("0", clp("250", "0", claim_adjustments=[adj("CO", "197", "250")], status="4"))) == []


def test_every_problem_is_reported_not_just_the_first():
    bad1 = clp("100", "50", svc("100", "50", adj("CO", "45", "40")))
    bad2 = clp("80", "40", svc("80", "40", adj("CO", "45", "30")))
    assert len(check_balance(remittance("999", bad1, bad2))) == 5


cents = st.integers(min_value=0, max_value=1_000_000).map(lambda c: D(c) / 100)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(cents, cents, cents), min_size=1, max_size=5), st.lists(cents, max_size=3))
def test_property_constructed_balanced_remittances_always_balance(lines, plbs):
    service = [svc(str(p + co + pr), str(p), adj("CO", "45", str(co)), adj("PR", "2", str(pr))) for p, co, pr in lines]
    charge = sum((s.charge for s in service), D(0))
    paid = sum((s.paid for s in service), D(0))
    claim = clp(str(charge), str(paid), *service)
    total = paid - sum(plbs, D(0))
    plb = [ProviderAdjustment("WO", f"R{i}", amount) for i, amount in enumerate(plbs)]
    assert check_balance(remittance(str(total), claim, plb=plb)) == []
    assert check_balance(remittance(str(total + D("0.01")), claim, plb=plb)) != []
