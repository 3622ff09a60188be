import pytest

pytestmark = pytest.mark.unit

# Which posted payment a CLP02=22 reversal takes back.
from decimal import Decimal

from services.payments.domain.reversals import PostedPayment, payment_to_reverse

D = Decimal
PRIMARY = PostedPayment("p1", "ICN-A", D("76.00"), "AETNA")
SECONDARY = PostedPayment("p2", "ICN-B", D("19.00"), "MEDIGAP")
CORRECTED = PostedPayment("p3", "ICN-A", D("80.00"), "AETNA")


def test_the_reversal_takes_back_the_payment_with_its_claim_number_and_amount():
    assert payment_to_reverse([PRIMARY, SECONDARY], payer_claim_number="ICN-A", paid=D("-76.00"),
                              payer_id="AETNA") == PRIMARY


def test_a_primary_reversal_never_takes_back_the_secondary_payment_posted_after_it():
    assert payment_to_reverse([PRIMARY, SECONDARY], payer_claim_number=None, paid=D("-76.00"),
                              payer_id="AETNA") == PRIMARY
    assert payment_to_reverse([PRIMARY, SECONDARY], payer_claim_number=None, paid=D("-19.00"),
                              payer_id="AETNA") is None


def test_same_claim_number_prefers_the_matching_amount_then_the_latest():
    posted = [PRIMARY, SECONDARY, CORRECTED]
    assert payment_to_reverse(posted, payer_claim_number="ICN-A", paid=D("-76.00")) == PRIMARY
    assert payment_to_reverse(posted, payer_claim_number="ICN-A", paid=D("-1.00")) == CORRECTED


def test_an_unknown_claim_number_or_amount_reverses_nothing():
    assert payment_to_reverse([PRIMARY], payer_claim_number="ICN-Z", paid=D("-76.00")) is None
    assert payment_to_reverse([PRIMARY], payer_claim_number=None, paid=D("-75.00")) is None
    assert payment_to_reverse([], payer_claim_number=None, paid=D("-75.00")) is None


def test_a_payment_posted_without_claim_number_matches_by_amount():
    bare = PostedPayment("p4", None, D("50.00"))
    assert payment_to_reverse([bare], payer_claim_number="ICN-Q", paid=D("-50.00")) == bare


def test_of_two_payments_alike_the_one_applied_is_taken_back_before_one_held_for_the_payer():
    applied, held = PostedPayment("p5", "ICN-C", D("15.20")), PostedPayment("p6", "ICN-C", D("15.20"), held_for_payer=True)

    assert payment_to_reverse([applied, held], payer_claim_number="ICN-C", paid=D("-15.20")) == applied
    assert payment_to_reverse([held], payer_claim_number="ICN-C", paid=D("-15.20")) == held
