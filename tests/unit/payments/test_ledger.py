import pytest

pytestmark = pytest.mark.unit

# Double-entry posting of remit.received: every transaction sums to zero, denials stay open in ar:insurance.
from datetime import date
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from shared.contracts.common import Adjustment
from shared.contracts.remit import RemitReceived, RemitServiceLine
from services.denials.domain.detect import detect_denials
from services.payments.domain.ledger import (
    CASH, CONTRACTUAL, INSURANCE_AR, OTHER, PATIENT_AR, REVENUE, WRITE_OFF, ChargedLine, Entry, Transaction,
    Unbalanced, charge_transaction, claim_balance, post_claim_payment, reverse_transaction, write_off_transaction,
)

D = Decimal
DOS = date(2026, 11, 2)
CLAIM = "c0ffee00-0000-4000-8000-000000000001"
REF_PREFIX = CLAIM.replace("-", "")


def line(code: str, charge, paid, *adjustments: tuple[str, str, str], modifiers=(), ref=None) -> RemitServiceLine:
    return RemitServiceLine(procedure_code=code, charge=str(charge), paid=str(paid), date_of_service=DOS,
                            modifiers=list(modifiers), line_control_number=ref,
                            adjustments=[Adjustment(group_code=g, reason_code=c, amount=str(a)) for g, c, a in adjustments])


def remit(lines: list[RemitServiceLine], status="1", claim_adjustments=(), paid=None, pr="0") -> RemitReceived:
    total_paid = sum((l.paid for l in lines), D(0)) if paid is None else D(paid)
    return RemitReceived(
        remit_id="r1", claim_id=CLAIM, patient_control_number="PCN1", payer_id="P", status_code=status,
        charge=sum((l.charge for l in lines), D(0)), paid=total_paid, patient_responsibility=pr, trace_number="t",
        claim_adjustments=[Adjustment(group_code=g, reason_code=c, amount=str(a)) for g, c, a in claim_adjustments],
        service_lines=lines)


def entries(*transactions: Transaction) -> list[Entry]:
    return [e for t in transactions for e in t.entries]


def total(transaction: Transaction) -> Decimal:
    return sum((e.amount for e in transaction.entries), D(0))


BILLED = [ChargedLine(1, "99213", ("25",), DOS, D("135.00")), ChargedLine(2, "36415", (), DOS, D("12.00"))]


# --- plain examples ------------------------------------------------------------------------------

def test_charge_debits_insurance_ar_and_credits_revenue():
    txn = charge_transaction(CLAIM, BILLED)
    assert total(txn) == 0 and txn.kind == "charge"
    assert claim_balance(list(txn.entries)) == D("147.00")
    assert claim_balance(list(txn.entries), REVENUE) == D("-147.00")


def test_unbalanced_transaction_is_refused_and_zero_entries_dropped():
    with pytest.raises(Unbalanced):
        Transaction("payment", (Entry(CASH, D("1")),))
    txn = Transaction.of("payment", [Entry(CASH, D("0")), Entry(INSURANCE_AR, D("0"))])
    assert txn.entries == () and Transaction.empty("x").entries == ()


def test_paid_claim_with_contractual_and_coinsurance_closes_insurance_ar():
    charge = charge_transaction(CLAIM, BILLED)
    result = post_claim_payment(CLAIM, remit([
        line("99213", "135", "73.6", ("CO", "45", "43"), ("PR", "2", "18.4"), modifiers=("25",)),
        line("36415", "12", "2.4", ("CO", "45", "9"), ("PR", "2", "0.6"))]), BILLED)
    posted = entries(charge, result.transaction)
    assert claim_balance(posted) == 0
    assert claim_balance(posted, CASH) == D("76.00")
    assert claim_balance(posted, CONTRACTUAL) == D("52.00")
    assert claim_balance(posted, PATIENT_AR) == D("19.00")
    assert result.denied_line_numbers == [] and result.unmatched_lines == []


def test_denied_line_co_197_stays_open_and_is_reported():
    charge = charge_transaction(CLAIM, BILLED)
    result = post_claim_payment(CLAIM, remit([line("99213", "135", "92", ("CO", "45", "43"), modifiers=("25",)),
                                              line("36415", "12", "0", ("CO", "197", "12"))]), BILLED)
    assert claim_balance(entries(charge, result.transaction)) == D("12.00")
    assert result.denied_line_numbers == [2]


def test_whole_claim_denied_leaves_the_full_charge_open():
    charge = charge_transaction(CLAIM, BILLED)
    result = post_claim_payment(CLAIM, remit([line("99213", "135", "0", ("CO", "197", "135"), modifiers=("25",)),
                                              line("36415", "12", "0", ("CO", "197", "12"))], status="4"), BILLED)
    assert result.transaction.entries == ()
    assert claim_balance(entries(charge, result.transaction)) == D("147.00")
    assert result.denied_line_numbers == [1, 2]


def test_partial_denial_co_151_on_a_paid_line_stays_open():
    billed = [ChargedLine(1, "97110", (), DOS, D("160"))]
    charge = charge_transaction(CLAIM, billed)
    result = post_claim_payment(CLAIM, remit([line("97110", "160", "60", ("CO", "45", "20"), ("CO", "151", "40"),
                                                   ("PR", "2", "40"))]), billed)
    assert claim_balance(entries(charge, result.transaction)) == D("40.00")
    assert result.denied_line_numbers == [1]


def test_oa_on_a_paid_line_goes_to_other_adjustments():
    billed = [ChargedLine(1, "99213", (), DOS, D("100"))]
    result = post_claim_payment(CLAIM, remit([line("99213", "100", "20", ("OA", "23", "80"))], status="2"), billed)
    assert claim_balance(list(result.transaction.entries), OTHER) == D("80.00")
    assert claim_balance(entries(charge_transaction(CLAIM, billed), result.transaction)) == 0


def test_secondary_paying_nothing_after_primary_oa_23_closes_the_claim():
    billed = [ChargedLine(1, "99213", (), DOS, D("100"))]
    secondary = remit([line("99213", "100", "0", ("OA", "23", "100"))], status="2")
    assert detect_denials(secondary) == []  # the denials service will never work it
    result = post_claim_payment(CLAIM, secondary, billed)
    assert claim_balance(entries(charge_transaction(CLAIM, billed), result.transaction)) == 0


def test_claim_level_payment_and_adjustments_without_lines():
    billed = [ChargedLine(1, "99213", (), DOS, D("100"))]
    claim_only = remit([], paid="70", claim_adjustments=[("CO", "45", "20"), ("PR", "1", "10")])
    result = post_claim_payment(CLAIM, claim_only, billed)
    posted = entries(charge_transaction(CLAIM, billed), result.transaction)
    assert claim_balance(posted) == 0 and claim_balance(posted, CASH) == D("70.00")
    assert all(e.line_number is None for e in result.transaction.entries)
    assert result.unmatched_lines == [1]


def test_reversal_then_correction_nets_to_the_corrected_payment():
    charge = charge_transaction(CLAIM, BILLED)
    original = post_claim_payment(CLAIM, remit([
        line("99213", "135", "73.6", ("CO", "45", "43"), ("PR", "2", "18.4"), modifiers=("25",)),
        line("36415", "12", "2.4", ("CO", "45", "9"), ("PR", "2", "0.6"))]), BILLED).transaction
    reversal = post_claim_payment(CLAIM, remit([
        line("99213", "-135", "-73.6", ("CO", "45", "-43"), ("PR", "2", "-18.4"), modifiers=("25",)),
        line("36415", "-12", "-2.4", ("CO", "45", "-9"), ("PR", "2", "-0.6"))], status="22"), BILLED).transaction
    correction = post_claim_payment(CLAIM, remit([
        line("99213", "135", "85.6", ("CO", "45", "31"), ("PR", "2", "18.4"), modifiers=("25",)),
        line("36415", "12", "4.4", ("CO", "45", "7"), ("PR", "2", "0.6"))]), BILLED).transaction
    posted = entries(charge, original, reversal, correction)
    assert all(total(t) == 0 for t in (original, reversal, correction))
    assert claim_balance(posted) == 0 and claim_balance(posted, CASH) == D("90.00")
    assert claim_balance(posted, CONTRACTUAL) == D("38.00")


def test_reverse_transaction_negates_every_entry():
    posting = post_claim_payment(CLAIM, remit([line("99213", "135", "92", ("CO", "45", "43"), modifiers=("25",))]),
                                 BILLED).transaction
    reversal = reverse_transaction(posting)
    assert reversal.kind == "reversal" and total(reversal) == 0
    assert [e.amount for e in reversal.entries] == [-e.amount for e in posting.entries]
    assert all(e.memo.startswith("reversal") for e in reversal.entries)


def test_write_off_moves_the_open_balance():
    charge = charge_transaction(CLAIM, BILLED)
    off = write_off_transaction(CLAIM, D("147.00"), "timely filing, not appealable " * 10)
    assert claim_balance(entries(charge, off)) == 0 and claim_balance(list(off.entries), WRITE_OFF) == D("147.00")
    assert all(len(e.memo) <= 100 for e in off.entries)


def test_ref_6r_names_the_line():
    result = post_claim_payment(CLAIM, remit([line("36415", "12", "3", ("CO", "45", "9"), ref=f"{REF_PREFIX}-2")]),
                                BILLED)
    assert result.matches[0].line_number == 2 and result.matches[0].method == "control_number"
    assert all(e.line_number == 2 for e in result.transaction.entries)


def test_ref_6r_of_another_claim_is_not_trusted():
    result = post_claim_payment(CLAIM, remit([line("99213", "135", "92", ("CO", "45", "43"), modifiers=("25",),
                                                   ref="0THERC1A1M000000000000000000099-2")]), BILLED)
    assert result.matches[0].line_number == 1


# --- properties ----------------------------------------------------------------------------------

money = st.integers(min_value=0, max_value=200_000).map(lambda c: D(c) / 100)
CODES = ["99213", "99214", "36415", "93000", "71046"]


@st.composite
def adjudicated_lines(draw, allow_denial=True):
    """(billed line, remit line, expected open amount) with SVC02 - SVC03 = the line's CAS."""
    count = draw(st.integers(1, 4))
    billed, remitted, open_amounts, posted_adjustments, pr_total = [], [], [], D(0), D(0)
    for number in range(1, count + 1):
        paid, contractual, pr = draw(money), draw(money), draw(money)
        denied = draw(money) if allow_denial and draw(st.booleans()) else D(0)
        if denied:
            paid = D(0) if draw(st.booleans()) else paid  # full or partial denial
        carc = draw(st.sampled_from(["197", "50", "16", "29", "97"]))
        charge = paid + contractual + pr + denied
        if charge == 0:
            charge, contractual = D("1.00"), D("1.00")
        code = CODES[(number - 1) % len(CODES)]
        adjustments = [("CO", "45", contractual), ("PR", draw(st.sampled_from(["1", "2", "3"])), pr)]
        if denied:
            adjustments.append(("CO", carc, denied))
        billed.append(ChargedLine(number, code, (), DOS, charge))
        remitted.append(line(code, charge, paid, *[a for a in adjustments if a[2]], ref=f"{REF_PREFIX}-{number}"))
        open_amounts.append(denied)
        posted_adjustments += contractual
        pr_total += pr
    return billed, remitted, open_amounts, posted_adjustments, pr_total


@settings(max_examples=200, deadline=None)
@given(adjudicated_lines())
def test_property_every_transaction_sums_to_zero(case):
    billed, remitted, *_ = case
    charge = charge_transaction(CLAIM, billed)
    posting = post_claim_payment(CLAIM, remit(remitted), billed).transaction
    for transaction in (charge, posting, reverse_transaction(posting), reverse_transaction(charge),
                        write_off_transaction(CLAIM, claim_balance(entries(charge, posting)), "w")):
        assert total(transaction) == 0


@settings(max_examples=200, deadline=None)
@given(adjudicated_lines())
def test_property_post_reverse_post_equals_one_post(case):
    billed, remitted, *_ = case
    charge = charge_transaction(CLAIM, billed)
    first = post_claim_payment(CLAIM, remit(remitted), billed).transaction
    again = post_claim_payment(CLAIM, remit(remitted), billed).transaction
    assert claim_balance(entries(charge, first, reverse_transaction(first), again)) == \
        claim_balance(entries(charge, first))
    assert claim_balance(entries(charge, first, reverse_transaction(first))) == claim_balance(list(charge.entries))


@settings(max_examples=200, deadline=None)
@given(adjudicated_lines(allow_denial=False))
def test_property_fully_adjudicated_claim_balance(case):
    billed, remitted, _, adjustments, pr = case
    charge_total = sum((b.charge for b in billed), D(0))
    paid = sum((r.paid for r in remitted), D(0))
    posted = entries(charge_transaction(CLAIM, billed), post_claim_payment(CLAIM, remit(remitted), billed).transaction)
    assert charge_total - paid - adjustments - pr == claim_balance(posted) == 0
    assert claim_balance(posted, PATIENT_AR) == pr and claim_balance(posted, CASH) == paid


@settings(max_examples=200, deadline=None)
@given(adjudicated_lines())
def test_property_denied_amounts_stay_open_in_insurance_ar(case):
    billed, remitted, open_amounts, adjustments, pr = case
    result = post_claim_payment(CLAIM, remit(remitted), billed)
    posted = entries(charge_transaction(CLAIM, billed), result.transaction)
    charge_total = sum((b.charge for b in billed), D(0))
    paid = sum((r.paid for r in remitted), D(0))
    assert claim_balance(posted) == sum(open_amounts, D(0)) == charge_total - paid - adjustments - pr
    assert result.denied_line_numbers == [n for n, amount in enumerate(open_amounts, start=1) if amount]


@settings(max_examples=100, deadline=None)
@given(money.filter(lambda m: m > 0), st.sampled_from(["197", "16", "50", "29", "4"]))
def test_property_denied_line_paid_zero_leaves_its_charge_open(charge, carc):
    billed = [ChargedLine(1, "99213", (), DOS, D("100.00")), ChargedLine(2, "71046", (), DOS, charge)]
    result = post_claim_payment(CLAIM, remit([line("99213", "100", "60", ("CO", "45", "40")),
                                              line("71046", charge, "0", ("CO", carc, charge))]), billed)
    posted = entries(charge_transaction(CLAIM, billed), result.transaction)
    assert claim_balance(posted) == charge
    assert sum((e.amount for e in posted if e.account == INSURANCE_AR and e.line_number == 2), D(0)) == charge
    assert result.denied_line_numbers == [2]


def test_with_no_patient_share_left_every_amount_moves_out_of_insurance_ar_at_two_places():
    """A crossover payer's payment uses up the patient's share; its adjustments after that, a negative one too,
    come out of ar:insurance whole, keeping the remit's cents."""
    result = post_claim_payment(CLAIM, remit([
        line("99213", "135", "20", ("CO", "45", "-5"), ("OA", "94", "3"))], status="2"), BILLED,
        patient_share=D("20.00"))
    assert [(e.account, str(e.amount)) for e in result.transaction.entries] == [
        (CASH, "20.00"), (PATIENT_AR, "-20.00"), (CONTRACTUAL, "-5.00"), (INSURANCE_AR, "5.00"),
        (OTHER, "3.00"), (INSURANCE_AR, "-3.00")]
