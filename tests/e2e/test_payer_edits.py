"""Payer-specific edits through the public API: a Medicare claim without a Medicare Beneficiary Identifier is
held naming the edit, the same visit with one is sent; a Blue plan id without its prefix travels with a warning."""
from tests.e2e.support import claim_sent_or_held, encounter_body, medicare_beneficiary_id


def _billed_to(payer_id: str, member_id: str) -> dict:
    body = encounter_body()
    body["coverage"].update(payer_id=payer_id, member_id=member_id)
    return body


def test_a_medicare_claim_without_an_mbi_is_held_and_with_one_it_is_sent(api):
    held = claim_sent_or_held(api, _billed_to("MEDICARE", "W123456789"))
    assert held["status"] == "held"
    [edit] = [e for e in held["edits"] if e["edit_id"] == "PAYER-MEDICARE-MBI"]
    assert edit["severity"] == "error" and "Medicare Beneficiary Identifier" in edit["message"]
    assert "W123456789" not in edit["message"]

    sent = claim_sent_or_held(api, _billed_to("MEDICARE", medicare_beneficiary_id()))
    assert sent["status"] != "held", sent["edits"]
    assert "PAYER-MEDICARE-MBI" not in [e["edit_id"] for e in sent["edits"]]


def test_a_blue_plan_member_id_without_its_prefix_is_sent_with_a_warning(api):
    claim = claim_sent_or_held(api, _billed_to("BCBS", "123456789"))
    assert claim["status"] != "held", claim["edits"]
    [edit] = [e for e in claim["edits"] if e["edit_id"] == "PAYER-BLUES-PREFIX"]
    assert edit["severity"] == "warning"
