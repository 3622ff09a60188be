"""Payer-specific edits through the public API: a Medicare claim without a Medicare Beneficiary Identifier is
held naming the edit and sent once its member id is fixed to one; a Blue plan id without its prefix travels
with a warning."""
from tests.e2e.support import claim_sent_or_held, encounter_body, medicare_beneficiary_id, wait_for


def _billed_to(payer_id: str, member_id: str) -> dict:
    body = encounter_body()
    body["coverage"].update(payer_id=payer_id, member_id=member_id)
    return body


def test_a_medicare_claim_without_an_mbi_is_held_and_sent_once_fixed_to_one(api):
    held = claim_sent_or_held(api, _billed_to("MEDICARE", "W123456789"))
    assert held["status"] == "held"
    [edit] = [e for e in held["edits"] if e["edit_id"] == "PAYER-MEDICARE-MBI"]
    assert edit["severity"] == "error" and "Medicare Beneficiary Identifier" in edit["message"]
    assert "W123456789" not in edit["message"]

    fixed = api.patch(f"/v1/claims/{held['claim_id']}", json={"coverage": {"member_id": medicare_beneficiary_id()}})
    assert fixed.status_code == 200 and fixed.json()["status"] == "ready", fixed.text
    sent = wait_for(lambda: api.get(f"/v1/claims/{held['claim_id']}").json(),
                    lambda c: "submitted" in [t["event"] for t in c["timeline"]], timeout=90, what="the fixed claim")
    assert "PAYER-MEDICARE-MBI" not in [e["edit_id"] for e in sent["edits"]]


def test_a_blue_plan_member_id_without_its_prefix_is_sent_with_a_warning(api):
    claim = claim_sent_or_held(api, _billed_to("BCBS", "123456789"))
    assert claim["status"] != "held", claim["edits"]
    [edit] = [e for e in claim["edits"] if e["edit_id"] == "PAYER-BLUES-PREFIX"]
    assert edit["severity"] == "warning"
