"""OWASP API1 (broken object level authorization): for two tenants, every endpoint that takes an
id answers 404 to the other tenant, and no write crosses tenants. Keys: scopes, revocation at once."""
import httpx
import pytest

from tests.e2e.support import create_tenant, encounter_body, wait_for


@pytest.fixture(scope="module")
def mallory(stack, gateway_url):
    tenant = create_tenant(stack, "Other Practice")
    with httpx.Client(base_url=gateway_url, headers={"Authorization": f"Bearer {tenant['api_key']}"}, timeout=30) as c:
        yield c


@pytest.fixture(scope="module")
def alice_objects(api) -> dict:
    body = encounter_body(procedures=[{"code": "71046", "diagnosis_pointers": [1]}])  # will be denied (CO-197)
    encounter_id = api.post("/v1/encounters", json=body).json()["encounter_id"]
    claim_id = wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e.get("claim_id"),
                        what="coding")["claim_id"]
    # Denials and payments consume remit.received independently: wait for both.
    claim = wait_for(lambda: api.get(f"/v1/claims/{claim_id}").json(), lambda c: c.get("denials") and c.get("payments"),
                     timeout=90, what="the denial and the posting")
    remit_id = claim["payments"][0]["remit_id"]
    return {"encounter": encounter_id, "claim": claim_id, "remit": remit_id,
            "denial": claim["denials"][0]["denial_id"]}


READS = ["/v1/encounters/{encounter}", "/v1/encounters/{encounter}/audit", "/v1/claims/{claim}",
         "/v1/claims/{claim}/837", "/v1/remits/{remit}", "/v1/remits/{remit}/835", "/v1/claims/{claim}/balance",
         "/v1/denials/{denial}", "/v1/claims/{claim}/notes"]
WRITES = [("/v1/denials/{denial}/appeal", {"note": "x"}), ("/v1/denials/{denial}/write-off", {"reason": "steal"}),
          ("/v1/encounters/{encounter}/review", {"diagnoses": ["E11.9"], "reason": "cross-tenant",
                                                 "procedures": [{"code": "99213", "diagnosis_pointers": [1]}]}),
          ("/v1/denials/{denial}/assign", {"assignee": "mallory"}),
          ("/v1/denials/{denial}/correct", {"prior_authorization": "A1", "reason": "cross-tenant"}),
          ("/v1/denials/{denial}/appeal-outcome", {"outcome": "lost"}),
          ("/v1/claims/{claim}/replace", {"prior_authorization": "A1", "reason": "cross-tenant"}),
          ("/v1/encounters/{encounter}/queries", {"unclear": "cross-tenant", "question": "cross-tenant?"}),
          ("/v1/encounters/{encounter}/claim", {}),
          ("/v1/claims/{claim}/notes", {"note": "cross-tenant", "next_action_on": "2099-12-01"}),
          ("/v1/claims/{claim}/void", {"reason": "cross-tenant"})]


@pytest.mark.parametrize("template", READS)
def test_foreign_ids_are_404_on_reads(api, mallory, alice_objects, template):
    path = template.format(**alice_objects)
    assert api.get(path).status_code == 200, path
    assert mallory.get(path).status_code == 404, path


@pytest.mark.parametrize("template,body", WRITES)
def test_foreign_ids_are_404_on_writes_and_nothing_changes(api, mallory, alice_objects, template, body):
    path = template.format(**alice_objects)
    assert mallory.post(path, json=body).status_code == 404, path
    denial = api.get("/v1/denials", params={"claim_id": alice_objects["claim"]}).json()["items"][0]
    assert denial["status"] == "open"


def test_lists_never_show_another_tenants_objects(mallory, alice_objects):
    denials = mallory.get("/v1/denials", params={"limit": 200}).json()["items"]
    assert alice_objects["denial"] not in [d["denial_id"] for d in denials]
    assert alice_objects["denial"] not in str(mallory.get("/v1/denials", params={"claim_id": alice_objects["claim"]}).json())
    assert alice_objects["encounter"] not in str(mallory.get("/v1/review-queue").json())
    assert alice_objects["claim"] not in str(mallory.get("/v1/claims", params={"limit": 200}).json())


def test_scoped_key_and_revocation_take_effect_at_once(api, gateway_url):
    created = api.post("/v1/keys", json={"scopes": ["billing:read"]})
    assert created.status_code == 201
    reader = httpx.Client(base_url=gateway_url, headers={"Authorization": f"Bearer {created.json()['api_key']}"})
    assert reader.get("/v1/payers").status_code == 200
    assert reader.post("/v1/encounters", json=encounter_body()).status_code == 403
    assert api.delete(f"/v1/keys/{created.json()['key_id']}").json()["revoked_at"]
    assert reader.get("/v1/payers").status_code == 401
    assert api.post("/v1/keys", json={"scopes": ["root"]}).status_code == 422
