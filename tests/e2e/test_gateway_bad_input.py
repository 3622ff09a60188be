"""Bad input at the gateway: 422 problem+json naming the field, 401 without a valid key, never 500."""
import httpx

from tests.e2e.support import encounter_body

PROBLEM = "application/problem+json"


def test_invalid_json_is_a_422_problem(api):
    response = api.post("/v1/encounters", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith(PROBLEM)
    assert response.json()["status"] == 422


def test_schema_error_names_the_field_without_echoing_the_value(api):
    body = encounter_body()
    body["patient"]["birth_date"] = "1980-13-45"
    response = api.post("/v1/encounters", json=body)
    assert response.status_code == 422
    problem = response.json()
    assert any("patient.birth_date" in error["field"] for error in problem["errors"])
    assert "1980-13-45" not in response.text


def test_missing_field_is_named(api):
    body = encounter_body()
    del body["coverage"]
    response = api.post("/v1/encounters", json=body)
    assert response.status_code == 422
    assert any(error["field"].endswith("coverage") for error in response.json()["errors"])


def test_missing_or_wrong_key_is_401(gateway_url):
    assert httpx.post(f"{gateway_url}/v1/encounters", json=encounter_body()).status_code == 401
    wrong = httpx.post(f"{gateway_url}/v1/encounters", json=encounter_body(),
                       headers={"Authorization": "Bearer bk_not_a_real_key"})
    assert wrong.status_code == 401
    assert wrong.headers["content-type"].startswith(PROBLEM)


def test_unknown_ids_and_garbage_never_500(api):
    for path in ("/v1/encounters/00000000-0000-0000-0000-000000000000", "/v1/claims/not-a-uuid",
                 "/v1/claims/00000000-0000-0000-0000-000000000000", "/v1/remits/123"):
        response = api.get(path)
        assert response.status_code in (404, 422), (path, response.status_code)
    assert api.post("/v1/remits", content=b"garbage").status_code == 422


def test_a_405_names_exactly_the_methods_of_its_path(api):
    for method, path, allowed in [("DELETE", "/v1/encounters", "GET, POST"),
                                  ("PUT", "/v1/claims/00000000-0000-0000-0000-000000000000/notes", "GET, POST"),
                                  ("POST", "/v1/claims/00000000-0000-0000-0000-000000000000", "GET, PATCH"),
                                  ("GET", "/v1/deposits", "POST")]:
        response = api.request(method, path)
        assert response.status_code == 405, (method, path, response.status_code)
        assert response.headers["allow"] == allowed, (method, path)
        assert response.headers["content-type"].startswith(PROBLEM)
