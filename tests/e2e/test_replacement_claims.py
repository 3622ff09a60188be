"""A biller replaces an adjudicated claim through the API: frequency 7 with REF*F8; the payer reverses the
original's payment and pays the replacement, and the original's open balance moves to the replacement."""
from decimal import Decimal

from tests.e2e.support import encounter_body, settled, wait_for


def _adjudicated(api) -> dict:
    encounter_id = api.post("/v1/encounters", json=encounter_body()).json()["encounter_id"]
    claim_id = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e.get("claim_id"),
                        what="coding")["claim_id"]
    return wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), settled, timeout=90, what="adjudication")


def test_a_paid_claim_is_replaced_with_corrected_codes(api):
    original = _adjudicated(api)
    line = original["lines"][0]
    body = {"procedures": [{"code": line["procedure_code"], "modifiers": ["25"], "units": 1, "diagnosis_pointers": [1]}],
            "reason": "modifier 25 was left off the visit"}
    answer = api.post(f"/v1/claims/{original['claim_id']}/replace", json=body)
    assert answer.status_code == 201, answer.text
    replacement_id = answer.json()["claim_id"]
    assert answer.json()["frequency_code"] == "7" and replacement_id != original["claim_id"]
    replacement = wait_for(lambda: api.get(f"/v1/claims/{replacement_id}").json(), settled, timeout=90,
                           what="the replacement to be adjudicated")
    assert replacement["original_claim_id"] == original["claim_id"]
    assert replacement["lines"][0]["modifiers"] == ["25"]
    x12 = api.get(f"/v1/claims/{replacement_id}/837").text
    assert f"REF*F8*{original['payer_claim_number']}~" in x12
    after = wait_for(lambda: api.get(f"/v1/claims/{original['claim_id']}").json(),
                     lambda c: any(p["kind"] == "reversal" for p in c["payments"]), timeout=90,
                     what="the payer's reversal of the replaced claim (CLP02 = 22) to post")
    assert after["status"] == "corrected" and Decimal(after["balance"]) == 0
    assert sum(Decimal(p["amount"]) for p in after["payments"]) == 0  # the payer took its payment back
    assert api.get(f"/v1/claims/{original['claim_id']}/balance").json()["consistent"]
    assert any(e["event"] == "corrected" and e["detail"]["replacement_claim_id"] == replacement_id
               for e in after["timeline"])


def test_replacing_needs_an_adjudicated_claim_of_this_tenant(api):
    body = {"prior_authorization": "A1", "reason": "testing refusals"}
    assert api.post("/v1/claims/00000000-0000-0000-0000-000000000000/replace", json=body).status_code == 404
    original = _adjudicated(api)
    assert api.post(f"/v1/claims/{original['claim_id']}/replace", json={"reason": "nothing"}).status_code == 422
    first = api.post(f"/v1/claims/{original['claim_id']}/replace", json=body)
    assert first.status_code == 201
    again = api.post(f"/v1/claims/{original['claim_id']}/replace", json=body)  # now corrected, not adjudicated
    assert again.status_code == 409 and again.headers["content-type"].startswith("application/problem+json")


def test_claims_list_filters_and_pages(api):
    replacements = api.get("/v1/claims", params={"frequency_code": "7"}).json()["items"]
    assert replacements and all(c["frequency_code"] == "7" for c in replacements)
    first = api.get("/v1/claims", params={"limit": 1}).json()
    second = api.get("/v1/claims", params={"limit": 1, "cursor": first["next_cursor"]}).json()
    assert first["items"][0]["claim_id"] != second["items"][0]["claim_id"]
    assert first["items"][0]["created_at"] >= second["items"][0]["created_at"]
    corrected = api.get("/v1/claims", params={"status": "corrected"}).json()["items"]
    assert corrected and all(c["status"] == "corrected" for c in corrected)
    assert api.get("/v1/claims", params={"cursor": "nonsense"}).status_code == 422


def test_a_void_takes_the_payment_back_and_closes_the_claim(api):
    original = _adjudicated(api)
    answer = api.post(f"/v1/claims/{original['claim_id']}/void", json={"reason": "billed to the wrong payer"})
    assert answer.status_code == 201, answer.text
    void_id = answer.json()["claim_id"]
    assert answer.json()["frequency_code"] == "8"
    x12 = wait_for(lambda: api.get(f"/v1/claims/{void_id}/837"), lambda r: r.status_code == 200, what="the void sent").text
    assert f"REF*F8*{original['payer_claim_number']}~" in x12 and ":B:8*" in x12
    paid = sum(Decimal(p["amount"]) for p in original["payments"])
    after = wait_for(lambda: api.get(f"/v1/claims/{original['claim_id']}").json(),
                     lambda c: any(p["kind"] == "reversal" for p in c["payments"]), timeout=90,
                     what="the payer's reversal (CLP02 = 22) to post")
    assert after["status"] == "voided" and Decimal(after["balance"]) == 0
    assert sum(Decimal(p["amount"]) for p in after["payments"]) == 0 and paid >= 0
    assert any(e["event"] == "voided" for e in after["timeline"] if e["service"] == "payments")
    assert api.get(f"/v1/claims/{original['claim_id']}/balance").json()["consistent"]
    assert api.post(f"/v1/claims/{original['claim_id']}/void", json={"reason": "twice"}).status_code == 409
    void = wait_for(lambda: api.get(f"/v1/claims/{void_id}").json(), lambda c: c["status"] == "closed",
                    what="the void to close on the payer's reversal")
    assert any(e["event"] == "reversal_received" for e in void["timeline"])
