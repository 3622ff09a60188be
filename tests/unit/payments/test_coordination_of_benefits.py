import pytest

pytestmark = pytest.mark.unit

# Secondary and tertiary payers pay the patient's share the primary left; CARC 23 is not posted again.
from datetime import date
from decimal import Decimal
from pathlib import Path

from shared.contracts.common import Adjustment
from shared.contracts.remit import RemitReceived, RemitServiceLine
from services.payments.domain.balancing import check_balance
from services.payments.domain.ledger import (
    CASH, CONTRACTUAL, INSURANCE_AR, PATIENT_AR, ChargedLine, charge_transaction, claim_balance, post_claim_payment,
)
from services.payments.domain.reconciliation import claim_balance_check
from services.payments.domain.to_events import remittance_to_events
from services.payments.domain.x835 import parse_835

D = Decimal
DOS = date(2026, 11, 2)
CLAIM = "c0ffee00-0000-4000-8000-000000000007"
BILLED = [ChargedLine(1, "99213", (), DOS, D("135")), ChargedLine(2, "36415", (), DOS, D("12"))]
FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "x835"


def remit(status: str, lines: list[tuple[str, str, str, list]]) -> RemitReceived:
    service = [RemitServiceLine(procedure_code=code, charge=charge, paid=paid, date_of_service=DOS,
                                adjustments=[Adjustment(group_code=g, reason_code=c, amount=a) for g, c, a in adj])
               for code, charge, paid, adj in lines]
    return RemitReceived(remit_id="r", claim_id=CLAIM, patient_control_number="PCN7001", payer_id="P",
                         status_code=status, charge=sum((l.charge for l in service), D(0)),
                         paid=sum((l.paid for l in service), D(0)), patient_responsibility="0", trace_number="t",
                         service_lines=service)


PRIMARY = remit("1", [("99213", "135", "73.60", [("CO", "45", "43"), ("PR", "2", "18.40")]),
                      ("36415", "12", "2.40", [("CO", "45", "9"), ("PR", "2", "0.60")])])
SECONDARY = remit("2", [("99213", "135", "14.72", [("OA", "23", "116.60"), ("PR", "2", "3.68")]),
                        ("36415", "12", "0.28", [("OA", "23", "11.40"), ("PR", "2", "0.32")])])


def tertiary() -> RemitReceived:
    [event] = remittance_to_events(parse_835((FIXTURES / "tertiary.835").read_text()), "r3", lambda pcn: CLAIM)
    return event


def test_the_tertiary_fixture_is_a_balanced_tertiary_payment():
    remittance = parse_835((FIXTURES / "tertiary.835").read_text())
    assert check_balance(remittance) == [] and remittance.claims[0].status_code == "3"


def test_primary_secondary_tertiary_close_the_claim_and_the_patient_share():
    posted = list(charge_transaction(CLAIM, BILLED).entries)
    posted += post_claim_payment(CLAIM, PRIMARY, BILLED).transaction.entries
    assert claim_balance(posted, PATIENT_AR) == D("19.00") and claim_balance(posted) == 0
    share = claim_balance(posted, PATIENT_AR)
    posted += post_claim_payment(CLAIM, SECONDARY, BILLED, patient_share=share).transaction.entries
    assert claim_balance(posted, PATIENT_AR) == D("4.00") and claim_balance(posted) == 0
    posted += post_claim_payment(CLAIM, tertiary(), BILLED, patient_share=D("4.00")).transaction.entries
    assert (claim_balance(posted), claim_balance(posted, PATIENT_AR)) == (0, 0)
    assert claim_balance(posted, CASH) == D("95.00") and claim_balance(posted, CONTRACTUAL) == D("52.00")
    assert sum((e.amount for e in posted), D(0)) == 0
    totals = {}
    for e in posted:
        if e.memo != "charge":
            totals[e.account] = totals.get(e.account, D(0)) + e.amount
    assert claim_balance_check(D("147"), totals, claim_balance(posted, INSURANCE_AR)).closed


def test_a_secondary_without_a_posted_primary_still_moves_insurance_ar():
    """When the primary was never posted here, CARC 23 is the only record of its part."""
    posted = list(charge_transaction(CLAIM, BILLED).entries)
    posted += post_claim_payment(CLAIM, SECONDARY, BILLED).transaction.entries
    assert claim_balance(posted) == 0 and claim_balance(posted, PATIENT_AR) == D("4.00")


def test_a_secondary_paying_more_than_the_patient_owes_takes_the_rest_from_insurance_ar():
    entries = post_claim_payment(CLAIM, remit("2", [("99213", "135", "30", [("OA", "23", "105")])]), BILLED,
                                 patient_share=D("10")).transaction.entries
    assert claim_balance(list(entries), PATIENT_AR) == D("-10") and claim_balance(list(entries)) == D("-20")
