"""835 reading, balancing, duplicates, line matching and double-entry posting."""
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.contracts.common import Adjustment
from shared.contracts.remit import RemitReceived, RemitServiceLine
from services.payments.domain import ledger
from services.payments.domain.balancing import check_balance
from services.payments.domain.duplicates import remittance_key
from services.payments.domain.to_events import remittance_to_events
from services.payments.domain.x835 import Malformed835, parse_835

pytestmark = pytest.mark.unit
DOS = date(2026, 11, 2)
ISA = "ISA*00*          *00*          *ZZ*SIMPAYER01     *ZZ*BILLINGPLATFORM*261122*1030*^*00501*000000009*0*T*:~"


def era(body: list[str], bpr_total: str, trn: str = "12345") -> str:
    segments = ["ST*835*0001", f"BPR*I*{bpr_total}*C*ACH*CCP*01*999999999*DA*1*1512345678**01*999988880*DA*2*20261122",
                f"TRN*1*{trn}*1512345678", "DTM*405*20261122", "N1*PR*SIMULATED HEALTH PLAN*XV*SIMPAYER01",
                "N1*PE*RIVERSIDE*XX*1234567893", "LX*1", *body]
    segments.append(f"SE*{len(segments) + 1}*0001")
    return ISA + "GS*HP*SIMPAYER01*BILLINGPLATFORM*20261122*1030*9*X*005010X221A1~" + "~".join(segments) + "~GE*1*9~IEA*1*000000009~"


PAID = ["CLP*PCN1*1*147*76*19*12*PAYER1*11*1", "NM1*QC*1*RIVERA*ANA****MI*W1",
        "SVC*HC:99213*135*73.6**1", "DTM*472*20261102", "CAS*CO*45*43", "CAS*PR*2*18.4", "REF*6R*PCN1-1", "AMT*B6*92",
        "SVC*HC:36415*12*2.4**1", "DTM*472*20261102", "CAS*CO*45*9", "CAS*PR*2*0.6", "REF*6R*PCN1-2"]


def test_one_claim_paid_reads_every_figure():
    remittance = parse_835(era(PAID, "76"))
    assert check_balance(remittance) == []
    claim = remittance.claims[0]
    assert (claim.status_code, claim.charge, claim.paid, claim.patient_responsibility) == ("1", Decimal("147.00"), Decimal("76.00"), Decimal("19.00"))
    assert claim.payer_claim_control_number == "PAYER1" and remittance.payer_id == "SIMPAYER01"
    assert [l.line_control_number for l in claim.service_lines] == ["PCN1-1", "PCN1-2"]
    assert claim.service_lines[0].adjustments[0] == Adjustment(group_code="CO", reason_code="45", amount="43")


def test_unbalanced_file_names_the_figures():
    problems = check_balance(parse_835(era(PAID, "86")))
    assert problems and "check total 86.00" in problems[0]


def test_provider_level_adjustment_balances_the_check():
    remittance = parse_835(era(PAID + ["PLB*1234567893*20261231*WO:REF1*25"], "51"))
    assert check_balance(remittance) == [] and remittance.provider_adjustments[0].amount == Decimal("25.00")


def test_wrong_se_count_is_malformed_with_segment_position():
    with pytest.raises(Malformed835) as error:
        parse_835(era(PAID, "76").replace("SE*21*0001", "SE*30*0001"))
    assert "SE01 at segment" in error.value.problems[0] and "counted 21" in error.value.problems[0]


def test_garbage_is_malformed_never_another_exception():
    for text in ("", "hello", "ISA*short~", ISA + "GS*HP~ST*835*1~CLP*X*1*abc*0~SE*3*1~GE*1*1~IEA*1*1~"):
        with pytest.raises(Malformed835):
            parse_835(text)


def test_dental_and_professional_qualifiers():
    body = ["CLP*PCN2*1*100*80**12*P2", "SVC*AD:D1110*100*80**1", "CAS*CO*45*20"]
    line = parse_835(era(body, "80")).claims[0].service_lines[0]
    assert (line.procedure_qualifier, line.procedure_code) == ("AD", "D1110")


def test_duplicate_key_is_payer_and_trace():
    assert remittance_key(parse_835(era(PAID, "76"))) == remittance_key(parse_835(era(PAID, "76")))
    assert remittance_key(parse_835(era(PAID, "76"))) != remittance_key(parse_835(era(PAID, "76", trn="999")))


LINES = [ledger.ChargedLine(1, "99213", (), DOS, Decimal("135.00")),
         ledger.ChargedLine(2, "36415", (), DOS, Decimal("12.00"))]


def remit_of(lines: list[RemitServiceLine], status: str = "1") -> RemitReceived:
    paid = sum((l.paid for l in lines), Decimal("0"))
    return RemitReceived(remit_id="r", claim_id="c", patient_control_number="PCN1", payer_id="P", status_code=status,
                         charge=sum((l.charge for l in lines), Decimal("0")), paid=paid, patient_responsibility="0",
                         trace_number="t", service_lines=lines)


def line(code: str, charge: str, paid: str, *adjustments: tuple[str, str, str], modifiers=(), ref=None) -> RemitServiceLine:
    return RemitServiceLine(procedure_code=code, charge=charge, paid=paid, date_of_service=DOS, modifiers=list(modifiers),
                            line_control_number=ref,
                            adjustments=[Adjustment(group_code=g, reason_code=c, amount=a) for g, c, a in adjustments])


def balance_after(*transactions: ledger.Transaction) -> Decimal:
    return ledger.claim_balance([e for t in transactions for e in t.entries])


def test_payment_contractual_and_patient_responsibility_close_the_claim():
    charge = ledger.charge_transaction("c", LINES)
    remit = remit_of([line("99213", "135", "73.6", ("CO", "45", "43"), ("PR", "2", "18.4")),
                      line("36415", "12", "2.4", ("CO", "45", "9"), ("PR", "2", "0.6"))])
    result = ledger.post_claim_payment("c", remit, LINES)
    assert balance_after(charge, result.transaction) == 0
    assert ledger.claim_balance(list(result.transaction.entries), ledger.PATIENT_AR) == Decimal("19.00")


def test_a_denied_line_stays_open_for_the_denials_service():
    charge = ledger.charge_transaction("c", LINES)
    remit = remit_of([line("99213", "135", "92", ("CO", "45", "43")), line("36415", "12", "0", ("CO", "197", "12"))])
    result = ledger.post_claim_payment("c", remit, LINES)
    assert balance_after(charge, result.transaction) == Decimal("12.00")
    assert result.denied_line_numbers == [2]


def test_lines_match_when_the_payer_drops_or_reorders_modifiers():
    billed = [ledger.ChargedLine(1, "20610", ("RT", "59"), DOS, Decimal("120")),
              ledger.ChargedLine(2, "20610", ("LT", "59"), DOS, Decimal("120"))]
    remit = remit_of([line("20610", "120", "56", ("CO", "45", "64"), modifiers=("59", "LT")),
                      line("20610", "120", "56", ("CO", "45", "64"))])
    result = ledger.post_claim_payment("c", remit, billed)
    assert [m.line_number for m in result.matches] == [2, 1] and result.unmatched_lines == []


def test_ref_6r_wins_over_code_matching():
    remit = remit_of([line("36415", "12", "3", ("CO", "45", "9"), ref="PCN1-2")])
    assert ledger.post_claim_payment("c", remit, LINES).matches[0].line_number == 2


def test_unbalanced_transaction_cannot_exist():
    with pytest.raises(ledger.Unbalanced):
        ledger.Transaction("payment", (ledger.Entry(ledger.CASH, Decimal("1")),))


cents = st.integers(min_value=0, max_value=50_000).map(lambda c: Decimal(c) / 100)


@settings(max_examples=200, deadline=None)
@given(charge=st.integers(100, 100_000).map(lambda c: Decimal(c) / 100), paid_share=st.floats(0, 1),
       pr_share=st.floats(0, 1), denied=st.booleans())
def test_property_postings_sum_to_zero_and_reversal_restores_the_balance(charge, paid_share, pr_share, denied):
    paid = (charge * Decimal(str(round(paid_share, 2)))).quantize(Decimal("0.01"))
    rest = charge - paid
    pr = (rest * Decimal(str(round(pr_share, 2)))).quantize(Decimal("0.01"))
    adjustments = [("CO", "197" if denied else "45", str(rest - pr)), ("PR", "1", str(pr))]
    billed = [ledger.ChargedLine(1, "99213", (), DOS, charge)]
    charge_txn = ledger.charge_transaction("c", billed)
    posting = ledger.post_claim_payment("c", remit_of([line("99213", str(charge), str(paid), *adjustments)]), billed).transaction
    reversal = ledger.reverse_transaction(posting)
    for transaction in (charge_txn, posting, reversal):
        assert sum((e.amount for e in transaction.entries), Decimal(0)) == 0
    assert balance_after(charge_txn, posting, reversal) == charge
    assert balance_after(charge_txn, posting, reversal, posting) == balance_after(charge_txn, posting)
    expected_open = (rest - pr) if denied else Decimal(0)
    assert balance_after(charge_txn, posting) == expected_open


def test_events_carry_every_line_and_adjustment():
    events = remittance_to_events(parse_835(era(PAID, "76")), "remit-1", lambda pcn: f"claim-{pcn}")
    assert events[0].claim_id == "claim-PCN1" and len(events[0].service_lines) == 2
    assert events[0].service_lines[1].adjustments[1].group_code == "PR"
