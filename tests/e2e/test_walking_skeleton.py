"""One encounter posted at the gateway ends as a posted payment, asserted through the public API."""
from decimal import Decimal

from tests.e2e.support import encounter_body, settled, wait_for


def test_encounter_flows_to_a_posted_payment(api):
    accepted = api.post("/v1/encounters", json=encounter_body())
    assert accepted.status_code == 202, accepted.text
    encounter_id = accepted.json()["encounter_id"]
    assert accepted.json()["status"] == "received"

    encounter = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(),
                         lambda e: e.get("claim_id"), what="the encounter to be coded")
    assert encounter["status"] == "coded"
    claim_id = encounter["claim_id"]

    claim = wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(),
                     settled, timeout=90, what="the payment to be posted")
    assert claim["status"] in ("paid", "partial")
    events = [entry["event"] for entry in claim["timeline"]]
    for expected in ("built", "scrubbed", "submitted", "accepted", "adjudicated", "payment_posted"):
        assert expected in events, events
    paid = sum(Decimal(p["amount"]) for p in claim["payments"])
    adjusted = sum(Decimal(a["amount"]) for a in claim["adjustments"])
    # Every dollar is explained: paid + contractual + patient responsibility = charge; nothing left open.
    assert paid + adjusted == Decimal(claim["total_charge"])
    assert Decimal(claim["balance"]) == 0

    x12 = api.get(f"/v1/claims/{claim_id}/837")
    assert x12.status_code == 200
    assert x12.text.startswith("ISA*") and "ST*837*" in x12.text and "005010X222A1" in x12.text


def test_resending_the_same_external_id_returns_the_same_encounter(api):
    body = encounter_body()
    first = api.post("/v1/encounters", json=body).json()
    second = api.post("/v1/encounters", json=body)
    assert second.status_code == 202
    assert second.json()["encounter_id"] == first["encounter_id"]
