"""The posting key: one posting per claim payment (CLP loop), the key the ledger's unique index holds."""
from decimal import Decimal

import pytest

from shared.contracts.remit import RemitReceived
from services.payments.domain import ledger
from services.payments.domain.remittance import ClaimPaymentRecord, Remittance
from services.payments.domain.to_events import remittance_to_events

pytestmark = pytest.mark.unit


def remit(status: str = "1", *, sequence: int | None = None, pcn: str | None = "ICN1") -> RemitReceived:
    return RemitReceived(remit_id="r1", claim_id="claim-1", patient_control_number="P", payer_id="X",
                         status_code=status, charge="100", paid="-80" if status == "22" else "80",
                         patient_responsibility="0", payer_claim_control_number=pcn, trace_number="t",
                         claim_payment_sequence=sequence)


def test_an_event_without_its_position_keeps_the_older_key():
    assert ledger.posting_key(remit()) == "r1/claim-1/payment/ICN1"
    assert ledger.posting_key(remit(pcn=None)) == "r1/claim-1/payment/"


def test_two_claim_payments_of_one_claim_in_one_file_post_once_each():
    split = {ledger.posting_key(remit(sequence=n)) for n in (1, 2)}
    assert len(split) == 2
    assert ledger.posting_key(remit("22", sequence=1)) != ledger.posting_key(remit("1", sequence=2))


def test_the_same_claim_payment_delivered_again_has_the_same_key():
    assert ledger.posting_key(remit(sequence=3)) == ledger.posting_key(remit(sequence=3).model_copy())
    assert ledger.posting_key(remit(sequence=3)).endswith("/3")


def test_remit_received_events_carry_their_clp_position():
    claims = [ClaimPaymentRecord(patient_control_number=pcn, status_code=code, charge=Decimal("100"),
                                 paid=Decimal(paid), patient_responsibility=Decimal("0"),
                                 payer_claim_control_number="ICN1")
              for pcn, code, paid in (("PCN1", "22", "-80"), ("PCN1", "1", "90"), ("PCN2", "1", "50"))]
    remittance = Remittance(payer_id="X", payer_name="X", payee_npi="", payee_tax_id="", trace_number="t",
                            payer_trace_id="", payment_method="CHK", total_paid=Decimal("60"), payment_date=None,
                            claims=tuple(claims))
    events = remittance_to_events(remittance, "r1", lambda pcn: "claim-" + pcn)
    assert [e.claim_payment_sequence for e in events] == [1, 2, 3]
    assert len({ledger.posting_key(e) for e in events}) == 3
