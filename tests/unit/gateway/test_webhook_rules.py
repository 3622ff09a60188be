"""Webhook rules: which events become which webhooks, PHI-free payloads, signatures, backoff, URLs."""
import hashlib
import hmac

import pytest

from services.gateway.domain.webhooks import public_event, retry_delay_seconds, sign, verify

pytestmark = pytest.mark.unit
POSTED = {"claim_id": "c1", "remit_id": "r1", "status_code": "1", "paid": "80.00", "contractual_adjustment": "20.00",
          "patient_responsibility": "0.00", "other_adjustment": "0.00", "claim_balance": "0.00", "reversal": False}


def test_acknowledgements_become_accepted_or_rejected():
    assert public_event("claim.acknowledged", {"claim_id": "c1", "source": "277CA", "accepted": True})[0] == "claim.accepted"
    assert public_event("claim.acknowledged", {"claim_id": "c1", "source": "999", "accepted": True}) is None
    kind, data = public_event("claim.acknowledged", {"claim_id": "c1", "source": "277CA", "accepted": False,
                                                     "reasons": ["subscriber id W123 invalid"]})
    assert kind == "claim.rejected" and data == {"claim_id": "c1", "source": "277CA", "reason_count": 1}


def test_a_processed_claim_is_claim_paid_but_not_a_denial_or_a_reversal():
    kind, data = public_event("payment.posted", POSTED)
    assert kind == "claim.paid" and data["paid"] == "80.00" and "contractual_adjustment" not in data
    assert public_event("payment.posted", {**POSTED, "paid": "0.00", "patient_responsibility": "95.00"})[0] == "claim.paid"
    assert public_event("payment.posted", {**POSTED, "status_code": "4", "paid": "0.00"}) is None
    assert public_event("payment.posted", {**POSTED, "status_code": "22", "reversal": True}) is None


def test_a_denial_carries_ids_codes_and_amount_only():
    kind, data = public_event("denial.opened", {
        "denial_id": "d1", "claim_id": "c1", "remit_id": "r1", "payer_id": "AETNA", "level": "claim",
        "carc_codes": ["197"], "category": "authorization", "amount": "120.00", "preventable": True,
        "patient_name": "never"})
    assert kind == "claim.denied" and "patient_name" not in data and data["carc_codes"] == ["197"]


def test_signature_is_hmac_sha256_over_timestamp_dot_body():
    header = sign("whsec_x", 1700000000, b'{"a":1}')
    expected = hmac.new(b"whsec_x", b'1700000000.{"a":1}', hashlib.sha256).hexdigest()
    assert header == f"t=1700000000,v1={expected}"
    assert verify("whsec_x", header, b'{"a":1}', now=1700000010)
    assert not verify("whsec_x", header, b'{"a":2}', now=1700000010)
    assert not verify("whsec_y", header, b'{"a":1}', now=1700000010)
    assert not verify("whsec_x", header, b'{"a":1}', now=1700009999)  # a replay, too old
    assert not verify("whsec_x", "garbage", b"", now=0)


def test_backoff_doubles_and_is_capped():
    assert [retry_delay_seconds(n, base=5) for n in (1, 2, 3, 4)] == [5, 10, 20, 40]
    assert retry_delay_seconds(30, base=5) == 3600
    assert retry_delay_seconds(1, base=5, jitter=0.5) == 5.5


def test_an_event_is_delivered_to_each_endpoint_of_its_tenant_listening_for_its_webhook_type():
    import uuid

    from shared.contracts.envelope import Envelope
    from shared.contracts.payment import PaymentPosted
    from services.gateway.domain.webhooks import deliveries_for

    payload = PaymentPosted.model_validate({**POSTED, "claim_id": str(uuid.uuid4()), "remit_id": str(uuid.uuid4())})
    envelope = Envelope(event_type="payment.posted", tenant_id=uuid.uuid4(), subject_id=uuid.uuid4(), payload=payload)
    paid, denied, both = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()
    rows = deliveries_for(envelope, [(paid, ["claim.paid"]), (denied, ["claim.denied"]), (both, ["claim.denied", "claim.paid"])])
    assert [row["endpoint_id"] for row in rows] == [paid, both]
    assert all(row["event_id"] == envelope.event_id and row["tenant_id"] == envelope.tenant_id for row in rows)
    assert rows[0]["payload"]["type"] == "claim.paid" and rows[0]["payload"]["id"] == str(envelope.event_id)
    assert deliveries_for(envelope, []) == []
