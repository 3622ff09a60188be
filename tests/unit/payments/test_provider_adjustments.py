"""PLB adjustments post so that a remittance's cash is its BPR02, each reason to its own account."""
from decimal import Decimal
from pathlib import Path

import pytest

from services.payments.domain.ledger import CASH, INSURANCE_AR
from services.payments.domain.provider_adjustments import (
    UNMATCHED_RECOUPMENT, provider_adjustment_transaction, recoupment_reference)
from services.payments.domain.remittance import ProviderAdjustment
from services.payments.domain.x835 import parse_835

pytestmark = pytest.mark.unit
FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "x835" / "provider_adjustment.835"


def cash(transaction) -> Decimal:
    return sum((e.amount for e in transaction.entries if e.account == CASH), Decimal("0"))


@pytest.mark.parametrize("reason, amount, account, cash_moves", [
    ("L6", "-3.20", "revenue:interest", "3.20"),          # interest adds to the check
    ("FB", "40.00", "asset:payer_forward_balance", "-40.00"),  # forwarded to a later remittance
    ("FB", "-40.00", "asset:payer_forward_balance", "40.00"),  # ... and paid back on it
    ("CV", "-500.00", "revenue:capitation", "500.00"),
    ("72", "10.00", "adj:provider_level", "-10.00"),
])
def test_each_reason_posts_cash_against_its_account(reason, amount, account, cash_moves):
    transaction = provider_adjustment_transaction(ProviderAdjustment(reason, "REF1", Decimal(amount)))
    assert cash(transaction) == Decimal(cash_moves)
    assert [e.account for e in transaction.entries] == [CASH, account]
    assert sum(e.amount for e in transaction.entries) == 0


def test_a_recoupment_reopens_the_named_claims_receivable_or_waits_in_suspense():
    recoupment = ProviderAdjustment("WO", "PCN4999OVERPAY", Decimal("25"))
    known = provider_adjustment_transaction(recoupment, recouped_claim_id="claim-9")
    assert [(e.account, e.amount, e.claim_id) for e in known.entries] == [
        (CASH, Decimal("-25"), "claim-9"), (INSURANCE_AR, Decimal("25"), "claim-9")]
    unknown = provider_adjustment_transaction(recoupment)
    assert [e.account for e in unknown.entries] == [CASH, UNMATCHED_RECOUPMENT]
    assert recoupment_reference(recoupment) == "PCN4999OVERPAY"
    assert recoupment_reference(ProviderAdjustment("L6", "X", Decimal("1"))) is None


def test_the_fixtures_cash_is_its_bpr02_once_the_plb_posts():
    remittance = parse_835(FIXTURE.read_text())
    claim_cash = sum((c.paid for c in remittance.claims), Decimal("0"))
    plb_cash = sum(cash(provider_adjustment_transaction(a)) for a in remittance.provider_adjustments)
    assert (claim_cash, plb_cash, remittance.signed_total) == (Decimal("100"), Decimal("-25"), Decimal("75"))
    assert claim_cash + plb_cash == remittance.signed_total
