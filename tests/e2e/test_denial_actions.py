"""Working denials end to end: correct and resubmit (a frequency-7 replacement with REF*F8 that the payer
pays, closing the denial by itself), appeal with its outcome, assignment and bulk actions, and the
analytics figures over this module's own tenant."""
from decimal import Decimal

from tests.e2e.support import all_pages, encounter_body, settled, wait_for

NEEDS_AUTH = [{"code": "71046", "diagnosis_pointers": [1]}]  # the payer simulator denies it without prior auth


def _denied(api) -> tuple[str, dict]:
    encounter_id = api.post("/v1/encounters", json=encounter_body(procedures=NEEDS_AUTH)).json()["encounter_id"]
    claim_id = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e.get("claim_id"),
                        what="coding")["claim_id"]
    claim = wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), lambda c: c.get("denials") and settled(c),
                     timeout=90, what="the denial to be opened and posted")
    return claim_id, claim["denials"][0]


def test_correct_and_resubmit_bills_a_replacement_that_the_payer_pays(api):
    claim_id, denial = _denied(api)
    corrected = api.post(f"/v1/denials/{denial['denial_id']}/correct",
                         json={"prior_authorization": "AUTH778899", "reason": "authorization was on file"})
    assert corrected.status_code == 200, corrected.text
    assert corrected.json()["status"] == "corrected"
    original = wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), lambda c: c["status"] == "corrected",
                        what="claims to take the correction")
    replacement_id = next(e["detail"]["replacement_claim_id"] for e in original["timeline"] if e["event"] == "corrected")
    replacement = wait_for(lambda: api.get(f"/v1/claims/{replacement_id}").json(),
                           lambda c: c.get("status") == "paid" and c.get("payments"), timeout=90,
                           what="the replacement claim to be paid")
    assert replacement["frequency_code"] == "7"
    x12 = api.get(f"/v1/claims/{replacement_id}/837").text
    assert f"REF*F8*{denial['payer_claim_number']}~" in x12 and "CLM*" in x12 and ":B:7*" in x12
    assert "REF*G1*AUTH778899~" in x12
    closed = wait_for(lambda: api.get(f"/v1/denials/{denial['denial_id']}").json(), lambda d: d["status"] == "resolved",
                      what="the payment to close the denial")
    assert [a["action"] for a in closed["actions"]] == ["correct"]
    # The original's open receivable moved to the replacement: the same dollars are not owed twice.
    assert Decimal(wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(),
                            lambda c: Decimal(c["balance"]) == 0, what="the original to close")["balance"]) == 0


def test_a_correction_needs_something_to_correct_and_an_open_denial(api):
    _, denial = _denied(api)
    empty = api.post(f"/v1/denials/{denial['denial_id']}/correct", json={"reason": "nothing really"})
    assert empty.status_code == 422 and empty.headers["content-type"].startswith("application/problem+json")
    assert api.post(f"/v1/denials/{denial['denial_id']}/write-off", json={"reason": "small balance"}).status_code == 200
    late = api.post(f"/v1/denials/{denial['denial_id']}/correct", json={"prior_authorization": "A1", "reason": "late"})
    assert late.status_code == 409


def test_appeal_letter_carries_the_claim_facts_and_a_lost_appeal_can_be_appealed_again(api):
    claim_id, denial = _denied(api)
    appealed = api.post(f"/v1/denials/{denial['denial_id']}/appeal",
                        json={"note": "Authorization was requested on the day.", "enclosures": ["Auth request fax"]})
    assert appealed.status_code == 200, appealed.text
    letter = appealed.json()["appeal_letter_html"]
    assert "71046" in letter and denial["payer_claim_number"] in letter and "Auth request fax" in letter
    assert "Precertification" in letter and claim_id in letter
    assert api.post(f"/v1/denials/{denial['denial_id']}/appeal", json={}).status_code == 409
    lost = api.post(f"/v1/denials/{denial['denial_id']}/appeal-outcome", json={"outcome": "lost", "note": "upheld"})
    assert lost.status_code == 200 and lost.json()["status"] == "appeal_lost"
    second = api.post(f"/v1/denials/{denial['denial_id']}/appeal", json={"note": "second level"})
    assert second.status_code == 200
    history = api.get(f"/v1/denials/{denial['denial_id']}").json()["actions"]
    assert [(a["action"], a["detail"].get("level")) for a in history] == [
        ("appeal", 1), ("appeal-outcome", None), ("appeal", 2)]
    assert history[0]["actor"].startswith("key:") and "letter" not in history[0]["detail"]


def test_assignment_filters_and_bulk_actions(api):
    denials = [_denied(api)[1] for _ in range(2)]
    ids = [d["denial_id"] for d in denials]
    one = api.post(f"/v1/denials/{ids[0]}/assign", json={"assignee": "ar-team-1"})
    assert one.status_code == 200 and one.json()["assignee"] == "ar-team-1"
    assert one.json()["sla"] == "ok" and one.json()["acted_at"] is None  # assigning is not acting on it
    mine = api.get("/v1/denials", params={"assignee": "ar-team-1"}).json()["items"]
    assert [d["denial_id"] for d in mine] == [ids[0]]
    bulk = api.post("/v1/denials/bulk", json={"denial_ids": ids + ["00000000-0000-0000-0000-000000000000"],
                                              "action": "write-off", "reason": "below the appeal threshold"})
    assert bulk.status_code == 200 and (bulk.json()["succeeded"], bulk.json()["failed"]) == (2, 1)
    assert [r["status"] for r in bulk.json()["results"]] == [200, 200, 404]
    assert api.post("/v1/denials/bulk", json={"denial_ids": ids, "action": "write-off"}).status_code == 422
    assert api.get(f"/v1/denials/{ids[1]}").json()["sla"] == "met"  # acted on (written off) within 10 business days


def test_earlier_denials_warn_before_the_next_claim_is_sent(api):
    # The tests above had this payer deny 71046 several times for this tenant.
    encounter_id = api.post("/v1/encounters", json=encounter_body(procedures=NEEDS_AUTH)).json()["encounter_id"]
    encounter = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e.get("claim_id"),
                         what="coding")
    coder_sees = next(e for e in encounter["edits"] if e["edit_id"] == "CODING-DENIAL-PATTERN")
    assert coder_sees["severity"] == "warning" and coder_sees["codes"] == ["71046"]
    claim_id = encounter["claim_id"]
    wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), lambda c: c.get("denials") and settled(c), timeout=90,
             what="the denial")
    edits = api.get(f"/v1/claims/{claim_id}").json()["edits"]
    warning = next(e for e in edits if e["edit_id"] == "SCRUB-DENIAL-PATTERN")
    assert warning["severity"] == "warning" and warning["codes"] == ["71046"] and "authorization" in warning["message"]


def test_analytics_counts_this_tenants_adjudications(api):
    # A paid and a denied claim sent together usually share one 835: each claim payment counts once.
    bodies = [encounter_body(), encounter_body(procedures=NEEDS_AUTH)]
    encounters = [api.post("/v1/encounters", json=body).json()["encounter_id"] for body in bodies]
    claim_ids = [wait_for(lambda: api.get(f"/v1/encounters/{e}").json(), lambda x: x.get("claim_id"),
                          what="coding")["claim_id"] for e in encounters]
    claims = [wait_for(lambda: api.get(f"/v1/claims/{c}").json(), settled, timeout=90, what="adjudication")
              for c in claim_ids]
    paid = claims[0]["claim_id"]
    wait_for(lambda: api.get(f"/v1/claims/{claim_ids[1]}").json(), lambda c: c.get("denials"), what="the denial")
    figures = api.get("/v1/denials/analytics").json()
    # This module's tenant: every claim above was denied (71046 without auth) except the paid one and the
    # paid replacement; the figures must match what the queue holds.
    queue = api.get("/v1/denials", params={"limit": 200}).json()["items"]
    assert [d["denial_id"] for d in all_pages(api, "/v1/denials", {"limit": 2})] == [d["denial_id"] for d in queue]
    assert figures["denied_claims"] == len({d["claim_id"] for d in queue})
    assert figures["adjudicated_claims"] == figures["denied_claims"] + 2, (paid, figures["adjudicated_claims"])
    by_procedure = {row["key"]: row for row in figures["by_procedure"]}
    assert by_procedure["71046"]["denied"] == figures["denied_claims"]
    assert figures["by_category"][0]["key"] == "authorization"
    assert figures["top_root_causes"][0]["procedure_code"] in (None, "71046")
    assert figures["preventable"]["denials"] == len([d for d in queue if d["preventable"]])
    assert Decimal(figures["denied_amount"]) == sum(Decimal(d["amount"]) for d in queue)
    acted = [d for d in queue if d["acted_at"]]
    assert figures["sla"]["attainment"] == "1.0000" and figures["sla"]["meets_target"] and acted
    assert figures["sla"]["waiting"] == len([d for d in queue if not d["acted_at"] and d["status"] != "resolved"])
