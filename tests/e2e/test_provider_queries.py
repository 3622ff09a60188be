"""A coder queries the provider about an unclear note; the encounter waits in review until the answer
arrives through the API, and the query and answer stay in its audit trail."""
from tests.e2e.support import encounter_body, wait_for


def _held(api) -> tuple[str, dict]:
    body = encounter_body(diagnoses=["E11", "I10"])  # E11 alone does not say which diabetes: held for review
    encounter_id = api.post("/v1/encounters", json=body).json()["encounter_id"]
    wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e["status"] == "needs_review",
             what="the edit to hold it")
    return encounter_id, body


def test_the_encounter_waits_for_the_answer_then_is_released(api):
    encounter_id, body = _held(api)
    asked = api.post(f"/v1/encounters/{encounter_id}/queries", json={
        "unclear": "Diabetes type is not documented", "question": "Please document the type of diabetes.",
        "options": ["Type 1", "Type 2", "Unable to determine"]})
    assert asked.status_code == 201, asked.text
    query = asked.json()
    assert query["status"] == "open" and query["rendering_npi"] == body["rendering_provider"]["npi"]
    assert api.post(f"/v1/encounters/{encounter_id}/queries", json={
        "unclear": "again", "question": "twice?"}).status_code == 409
    queued = next(i for i in api.get("/v1/review-queue", params={"limit": 200}).json()["items"]
                  if i["encounter_id"] == encounter_id)
    assert queued["open_query"]["query_id"] == query["query_id"]
    review = {"diagnoses": ["E11.9", "I10"], "procedures": body["procedures"], "reason": "type 2 per provider"}
    waiting = api.post(f"/v1/encounters/{encounter_id}/review", json=review)
    assert waiting.status_code == 409 and waiting.json()["errors"][0]["edit_id"] == "REVIEW-QUERY-OPEN"

    assert api.post(f"/v1/queries/{query['query_id']}/answer", json={"answer": "Type 3"}).status_code == 409
    answered = api.post(f"/v1/queries/{query['query_id']}/answer", json={"answer": "Type 2"})
    assert answered.status_code == 200 and answered.json()["status"] == "answered"
    assert api.post(f"/v1/queries/{query['query_id']}/answer", json={"answer": "Type 2"}).status_code == 409

    released = api.post(f"/v1/encounters/{encounter_id}/review", json=review)
    assert released.status_code == 200 and released.json()["claim_id"]
    trail = [(a["action"], a["after"].get("answer")) for a in api.get(f"/v1/encounters/{encounter_id}/audit").json()["items"]]
    assert trail == [("query", None), ("query-answer", "Type 2"), ("review", None)]
    listed = api.get(f"/v1/encounters/{encounter_id}/queries").json()["items"]
    assert [(q["status"], q["answer"]) for q in listed] == [("answered", "Type 2")]


def test_queries_need_an_encounter_in_review_of_this_tenant(api):
    ask = {"unclear": "unclear note", "question": "which one?"}
    assert api.post("/v1/encounters/00000000-0000-0000-0000-000000000000/queries", json=ask).status_code == 404
    assert api.post("/v1/queries/00000000-0000-0000-0000-000000000000/answer", json={"answer": "x"}).status_code == 404
    encounter_id = api.post("/v1/encounters", json=encounter_body()).json()["encounter_id"]
    wait_for(lambda: api.get(f"/v1/encounters/{encounter_id}").json(), lambda e: e["status"] == "coded", what="coding")
    assert api.post(f"/v1/encounters/{encounter_id}/queries", json=ask).status_code == 409
