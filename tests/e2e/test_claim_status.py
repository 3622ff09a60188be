"""Claims the payer never answers are asked about with a 276 once the payer's expected days have passed;
the 277 moves them (not found -> the fix queue, pending -> accepted). Bad 277s are held, never lost."""
import uuid

from tests.e2e.followup_support import backdate_submission, post_to_claims, submitted_claim
from tests.e2e.support import encounter_body, settled, wait_for

EXPECTED_DAYS = 30  # AETNA in services/claims/data/payers.csv


def _member(prefix: str) -> dict:
    body = encounter_body()
    body["coverage"]["member_id"] = prefix + uuid.uuid4().hex[:8]
    return body


def test_a_lost_claim_is_asked_about_found_missing_fixed_and_paid(stack, api):
    claim = submitted_claim(api, _member("LOST-"), wait_for)
    claim_id = claim["claim_id"]
    backdate_submission(stack, claim_id, EXPECTED_DAYS - 5)
    fresh = api.get(f"/v1/claims/{claim_id}").json()
    assert fresh["status"] == "submitted" and "status_inquired" not in [e["event"] for e in fresh["timeline"]]

    backdate_submission(stack, claim_id, 10)  # now 35 days ago: past the payer's expected days
    rejected = wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), lambda c: c["status"] == "rejected",
                        timeout=60, what="the 276/277 round trip")
    events = [e["event"] for e in rejected["timeline"]]
    assert "status_inquired" in events and "status_not_found" in events
    assert rejected["payer_status"]["statuses"] == ["A4:35"]

    fixed = api.patch(f"/v1/claims/{claim_id}", json={"coverage": {"member_id": f"W{uuid.uuid4().int % 10**9:09d}"}})
    assert fixed.status_code == 200 and fixed.json()["status"] == "ready", fixed.text
    paid = wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), settled, timeout=90, what="payment")
    assert [e["event"] for e in paid["timeline"]].count("submitted") == 2


def test_a_pending_claim_is_asked_about_and_stays_accepted_with_a_next_date(stack, api):
    claim = submitted_claim(api, _member("PENDING-"), wait_for, status="accepted")
    backdate_submission(stack, claim["claim_id"], EXPECTED_DAYS + 3)
    pending = wait_for(lambda: api.get(f"/v1/claims/{claim['claim_id']}").json(),
                       lambda c: any(e["event"] == "status_pending" for e in c["timeline"]), timeout=60,
                       what="the pending 277")
    assert pending["status"] == "accepted"
    assert pending["payer_status"]["statuses"] == ["P1:20"] and pending["next_inquiry_on"]


def test_a_277_for_an_unknown_claim_and_a_cut_277_are_held_with_reasons(stack, api, tenant):
    claim = submitted_claim(api, _member("PENDING-"), wait_for, status="accepted")
    x12 = api.get(f"/v1/claims/{claim['claim_id']}/837").text
    assert x12.startswith("ISA")
    unknown = ("ISA*00*          *00*          *ZZ*SIMPAYER01     *ZZ*BILLINGPLATFORM*261122*1030*^*00501*000000901*0*T*:~"
               "GS*HN*SIMPAYER01*BILLINGPLATFORM*20261122*1030*901*X*005010X212~ST*277*0001*005010X212~"
               "BHT*0010*08*901*20261122*1030*DG~HL*1**20*1~NM1*PR*2*AETNA*****PI*60054~HL*2*1*21*1~"
               "NM1*41*2*BILLINGPLATFORM*****46*BILLINGPLATFORM~HL*3*2*19*1~NM1*1P*2*CLINIC*****XX*1234567893~"
               "HL*4*3*22*0~NM1*IL*1*DOE*ANA****MI*W1~TRN*2*NOSUCHCLAIM0000001~STC*P1:20*20261122~"
               "SE*13*0001~GE*1*901~IEA*1*000000901~")
    response = post_to_claims(stack, tenant["tenant_id"], "/internal/clearinghouse/acks", unknown)
    assert response.status_code == 202 and response.json()["held"] == 1, response.text
    cut = post_to_claims(stack, tenant["tenant_id"], "/internal/clearinghouse/acks", unknown[:300])
    assert cut.status_code == 202 and cut.json()["held"] == 1, cut.text
    held = api.get("/v1/payer-responses/held").json()["items"]
    reasons = [h["reason"] for h in held if h["kind"] == "277"]
    assert any("does not have" in r for r in reasons) and any("cut short" in r for r in reasons), held
    assert all("NOSUCHCLAIM" not in h["reason"] for h in held)
