"""The gateway's OpenAPI document: every $ref resolves, every route that reads its body declares it,
and a 405 names exactly the methods its path answers."""
import asyncio

import pytest
from fastapi import APIRouter, FastAPI
from fastapi.testclient import TestClient

from shared.http.problems import install_problem_handlers
from services.gateway.app import bootstrap
from services.gateway.settings import Settings

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def document() -> dict:
    async def build():  # the composition root wants a running loop (the Kafka producer); nothing is started
        return bootstrap(Settings(database_url="postgresql+asyncpg://u@127.0.0.1:1/db")).openapi()

    return asyncio.run(build())


def _refs(node) -> list[str]:
    if isinstance(node, dict):
        return [node["$ref"]] if isinstance(node.get("$ref"), str) else [r for v in node.values() for r in _refs(v)]
    if isinstance(node, list):
        return [r for item in node for r in _refs(item)]
    return []


def _resolve(document: dict, ref: str):
    assert ref.startswith("#/"), ref
    node = document
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


def test_every_ref_resolves(document):
    refs = _refs(document)
    assert "#/components/schemas/EncounterIn" in refs
    for ref in set(refs):
        assert isinstance(_resolve(document, ref), dict), ref


@pytest.mark.parametrize("method,path", [
    ("post", "/v1/encounters/{encounter_id}/review"), ("patch", "/v1/claims/{claim_id}"),
    ("post", "/v1/claims/{claim_id}/notes"), ("post", "/v1/patients/{patient_id}/payments"),
    ("post", "/v1/patients/{patient_id}/refunds"), ("post", "/v1/deposits"),
    ("post", "/v1/suspense/{item_id}/{action}"),
])
def test_forwarded_bodies_are_declared_as_json(document, method, path):
    content = document["paths"][path][method]["requestBody"]["content"]
    assert list(content) == ["application/json"]


def test_intake_bodies_name_their_media_types(document):
    encounters = document["paths"]["/v1/encounters"]["post"]["requestBody"]["content"]
    assert set(encounters) == {"application/json", "application/fhir+json", "x-application/hl7-v2+er7"}
    assert set(document["paths"]["/v1/remits"]["post"]["requestBody"]["content"]) == {"application/edi-x12", "text/plain"}


def test_a_405_allows_every_method_of_the_path():
    app, router = FastAPI(), APIRouter(prefix="/notes")
    install_problem_handlers(app)
    app.get("/notes/{id}")(lambda id: {})
    router.post("/{id}")(lambda id: {})  # from an included router, as the gateway's routes are
    router.delete("/{id}/archive")(lambda id: {})
    app.include_router(router)
    response = TestClient(app).put("/notes/7")
    assert response.status_code == 405 and response.headers["allow"] == "GET, POST"
    assert TestClient(app).get("/notes/7/archive").headers["allow"] == "DELETE"


def test_operations_are_named_once_each_after_their_route_function(document):
    """Generated clients name their methods and modules after operationId; a clash would merge two of them."""
    ids = [operation["operationId"] for item in document["paths"].values() for operation in item.values()]
    assert len(ids) == len(set(ids)), sorted(i for i in ids if ids.count(i) > 1)
    assert document["paths"]["/v1/claims/{claim_id}/837"]["get"]["operationId"] == "get_claim_837"
    assert not [i for i in ids if "_v1_" in i]


def test_text_answers_are_typed_as_strings(document):
    answer = document["paths"]["/v1/claims/{claim_id}/837"]["get"]["responses"]["200"]["content"]
    assert answer["application/edi-x12"]["schema"] == {"type": "string"}


def test_every_operation_describes_its_answer_and_its_problems(document):
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            responses = operation["responses"]
            success = [code for code in responses if code.startswith("2")]
            assert success, f"{method} {path}"
            for code in success:
                for media, content in responses[code].get("content", {}).items():
                    assert content.get("schema"), f"{method} {path} {code} {media}"
            problems = {code for code, answer in responses.items()
                        if "application/problem+json" in answer.get("content", {})}
            assert {"401", "422", "503"} <= problems, f"{method} {path}"
            assert ("404" in problems) == ("{" in path), f"{method} {path}"
            assert ("409" in problems) == (method == "post" or (method, path) == ("patch", "/v1/claims/{claim_id}"))


def test_operator_operations_promise_no_scope_or_rate_answers(document):
    verify = document["paths"]["/v1/admin/audit/verify"]["get"]["responses"]
    assert "403" not in verify and "429" not in verify
    assert {"403", "429"} <= set(document["paths"]["/v1/claims"]["get"]["responses"])


def test_a_forwarded_answer_is_a_named_schema(document):
    answer = document["paths"]["/v1/denials/{denial_id}"]["get"]["responses"]["200"]["content"]["application/json"]
    assert answer["schema"] == {"$ref": "#/components/schemas/DenialDetail"}
    amount = document["components"]["schemas"]["Denial"]["properties"]["amount"]
    assert amount["type"] == "string", "money is a decimal string, never a float"
