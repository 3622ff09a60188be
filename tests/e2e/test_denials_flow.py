"""A denied claim from the payer simulator is queued with category, deadline and priority; appeal
produces a letter; a write-off reaches the ledger through denial.resolved."""
from decimal import Decimal

from tests.e2e.support import encounter_body, settled, wait_for


def _denied_claim(api) -> tuple[str, list]:
    body = encounter_body(procedures=[{"code": "71046", "diagnosis_pointers": [1]}])  # needs prior auth at the payer
    encounter_id = api.post("/v1/encounters", json=body).json()["encounter_id"]
    claim_id = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e.get("claim_id"),
                        what="coding")["claim_id"]
    claim = wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), lambda c: c.get("denials") and settled(c), timeout=90,
                     what="the denial to be opened")
    return claim_id, claim["denials"]


def test_denial_is_queued_then_appealed(api):
    claim_id, denials = _denied_claim(api)
    denial = denials[0]
    assert denial["category"] == "authorization" and denial["carc_codes"] == ["197"]
    assert denial["appeal_deadline"] and 0 <= denial["priority"] <= 100 and denial["status"] == "open"
    queue = api.get("/v1/denials", params={"category": "authorization", "limit": 200}).json()["items"]
    assert denial["denial_id"] in [d["denial_id"] for d in queue]
    appealed = api.post(f"/v1/denials/{denial['denial_id']}/appeal", json={"note": "Auth on file."})
    assert appealed.status_code == 200 and appealed.json()["status"] == "appealed"
    assert "Precertification" in appealed.json()["appeal_letter_html"]


def test_write_off_reaches_the_ledger(api):
    claim_id, denials = _denied_claim(api)
    before = Decimal(api.get(f"/v1/claims/{claim_id}").json()["balance"])
    assert before == Decimal(denials[0]["amount"]) > 0
    response = api.post(f"/v1/denials/{denials[0]['denial_id']}/write-off", json={"reason": "no auth obtainable"})
    assert response.status_code == 200 and response.json()["status"] == "written_off"
    claim = wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), lambda c: Decimal(c["balance"]) == 0,
                     what="the write-off to post")
    assert any(a["account"] == "adj:writeoff" for a in claim["adjustments"]), " | ".join(
        [f"{a['account']} {a['amount']} {a['memo']}" for a in claim["adjustments"]]
        + [f"{e['service']}:{e['event']}:{e.get('detail')}" for e in claim["timeline"] if e["service"] != "claims"])
    again = api.post(f"/v1/denials/{denials[0]['denial_id']}/write-off", json={"reason": "twice"})
    assert again.status_code == 409
