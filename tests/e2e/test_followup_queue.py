"""The follow-up work queue: overdue claims by amount and age, with notes and next-action dates; and the
date-of-service-to-submission lag KPI."""
import uuid
from datetime import date, timedelta

from tests.e2e.followup_support import backdate_submission, submitted_claim
from tests.e2e.support import encounter_body, wait_for


def _pending(api, procedures=None) -> dict:
    body = encounter_body(**({"procedures": procedures} if procedures else {}))
    body["coverage"]["member_id"] = "PENDING-" + uuid.uuid4().hex[:8]
    return submitted_claim(api, body, wait_for, status="accepted")


def test_overdue_claims_are_queued_by_amount_and_age_with_notes(stack, api):
    small_old = _pending(api, [{"code": "36415", "modifiers": [], "units": 1, "diagnosis_pointers": [1]}])
    large_new = _pending(api)
    not_due = _pending(api)
    backdate_submission(stack, small_old["claim_id"], 40)
    backdate_submission(stack, large_new["claim_id"], 31)
    backdate_submission(stack, not_due["claim_id"], 10)

    queue = wait_for(lambda: api.get("/v1/follow-up").json()["items"], lambda items: len(items) >= 2,
                     what="the overdue claims in the queue")
    ids = [i["claim_id"] for i in queue]
    assert not_due["claim_id"] not in ids
    assert ids.index(large_new["claim_id"]) < ids.index(small_old["claim_id"])  # larger amount wins at similar age
    old = next(i for i in queue if i["claim_id"] == small_old["claim_id"])
    assert old["age_days"] >= 40 and old["days_overdue"] >= 10 and old["expected_days"] == 30

    next_week = (date.today() + timedelta(days=7)).isoformat()
    note = api.post(f"/v1/claims/{large_new['claim_id']}/notes",
                    json={"note": "Called payer, claim in review", "next_action_on": next_week})
    assert note.status_code == 201, note.text
    assert api.post(f"/v1/claims/{large_new['claim_id']}/notes", json={"note": ""}).status_code == 422
    assert api.post(f"/v1/claims/{uuid.uuid4()}/notes", json={"note": "x"}).status_code == 404
    row = next(i for i in api.get("/v1/follow-up").json()["items"] if i["claim_id"] == large_new["claim_id"])
    assert row["next_action_on"] == next_week and row["last_note"]["note"] == "Called payer, claim in review"
    due = [i["claim_id"] for i in api.get("/v1/follow-up", params={"due_only": "true"}).json()["items"]]
    assert large_new["claim_id"] not in due and small_old["claim_id"] in due
    assert [n["note"] for n in api.get(f"/v1/claims/{large_new['claim_id']}/notes").json()["items"]] == [
        "Called payer, claim in review"]


def test_submission_lag_kpi(api):
    body = encounter_body()
    claim = submitted_claim(api, body, wait_for)
    report = api.get("/v1/reports/submission-lag").json()
    service_date = date.fromisoformat(body["date_of_service"])
    submitted = date.fromisoformat(claim["submitted_at"][:10])
    assert report["overall"]["claims"] >= 1
    assert report["overall"]["max_days"] >= (submitted - service_date).days
    aetna = next(p for p in report["by_payer"] if p["payer_id"] == "AETNA")
    assert aetna["claims"] >= 1 and aetna["median_days"] is not None


def test_another_tenant_sees_none_of_it(stack, gateway_url, api):
    import httpx

    from tests.e2e.support import create_tenant

    mine = api.get("/v1/follow-up").json()["items"]
    assert mine, "the queue test above leaves overdue claims"
    other = create_tenant(stack, name="Other Practice")
    with httpx.Client(base_url=gateway_url, headers={"Authorization": f"Bearer {other['api_key']}"},
                      timeout=30) as them:
        assert them.get("/v1/follow-up").json()["items"] == []
        assert them.post(f"/v1/claims/{mine[0]['claim_id']}/notes", json={"note": "x"}).status_code == 404
        assert them.get(f"/v1/claims/{mine[0]['claim_id']}/notes").status_code == 404
        assert them.get("/v1/reports/submission-lag").json()["overall"]["claims"] == 0
        assert them.get("/v1/payer-responses/held").json()["items"] == []
