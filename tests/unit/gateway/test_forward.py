"""The generic forwarder: a table entry becomes a route that checks its query once, calls the service with the
path filled in, answers with the typed model, passes the service's problems through, and turns an answer
off the service's own contract into a 503 rather than a 500 or a silently different body."""
from typing import Annotated
from uuid import UUID

import httpx
import pytest
from fastapi import APIRouter, Depends, FastAPI, Path
from fastapi.testclient import TestClient
from pydantic import BaseModel, Field

from shared.contracts.api.common import ApiModel, Money
from shared.http.problems import install_problem_handlers
from shared.internal_auth import Caller
from services.gateway.adapters.upstream import Upstream
from services.gateway.entrypoints.forward import Forward, install

pytestmark = pytest.mark.unit
CLAIM = "6f1c2a7e-8a0e-4d55-9d8f-0f3b6c1e2a10"


class NoteQuery(BaseModel):
    limit: int = Field(default=50, ge=1, le=200)
    due_only: bool = False
    payer_id: str | None = None


class Balance(ApiModel):
    claim_id: UUID
    balance: Money


def _caller() -> Caller:
    return Caller("tenant-a", "key-a")


def _client(answer) -> tuple[TestClient, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    def service(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return answer(request)

    app = FastAPI()
    install_problem_handlers(app)
    app.state.upstreams = {"payments": Upstream("payments", "http://payments", secret="s", timeout=1,
                                                transport=httpx.MockTransport(service))}
    route = Forward("claim_balance", "GET", "/v1/claims/{claim_id}/balance", "payments",
                    "/internal/claims/{claim_id}/balance", Balance, Annotated[Caller, Depends(_caller)],
                    path_params={"claim_id": Annotated[UUID, Path()]}, query=NoteQuery)
    app.include_router(install(APIRouter(), (route,)))
    return TestClient(app), seen


def test_the_query_is_checked_once_and_forwarded_as_the_service_reads_it():
    client, seen = _client(lambda _: httpx.Response(200, json={"claim_id": CLAIM, "balance": "12.5"}))
    answer = client.get(f"/v1/claims/{CLAIM}/balance", params={"limit": 7, "due_only": "true"})
    assert answer.status_code == 200 and answer.json() == {"claim_id": CLAIM, "balance": "12.50"}
    assert seen[0].url.path == f"/internal/claims/{CLAIM}/balance"
    assert dict(seen[0].url.params) == {"limit": "7", "due_only": "true"}
    assert client.get(f"/v1/claims/{CLAIM}/balance", params={"limit": 0}).status_code == 422
    assert len(seen) == 1, "a query the model refuses never reaches the service"


def test_a_service_problem_passes_through():
    client, _ = _client(lambda _: httpx.Response(404, json={"title": "Claim not found", "status": 404}))
    answer = client.get(f"/v1/claims/{CLAIM}/balance")
    assert answer.status_code == 404 and answer.json()["title"] == "Claim not found"


def test_an_answer_off_the_contract_is_a_503_not_a_different_body():
    client, _ = _client(lambda _: httpx.Response(200, json={"claim_id": CLAIM, "balance": "1.00", "ssn": "x"}))
    answer = client.get(f"/v1/claims/{CLAIM}/balance")
    assert answer.status_code == 503 and answer.headers["retry-after"] == "5"
    assert "ssn" not in answer.text


def test_the_document_names_the_query_and_the_answer():
    client, _ = _client(lambda _: httpx.Response(200))
    operation = client.get("/openapi.json").json()["paths"]["/v1/claims/{claim_id}/balance"]["get"]
    assert operation["operationId"] == "claim_balance_v1_claims__claim_id__balance_get"
    assert {p["name"] for p in operation["parameters"]} == {"claim_id", "limit", "due_only", "payer_id"}
    schema = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert schema == {"$ref": "#/components/schemas/Balance"}
