"""The body size limit as ASGI middleware: declared and chunked bodies, 413 problem+json."""
import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from shared.http.body_limit import BodySizeLimit

pytestmark = pytest.mark.unit


async def echo_size(request: Request):
    return JSONResponse({"size": len(await request.body())})


def client() -> httpx.AsyncClient:
    app = BodySizeLimit(Starlette(routes=[Route("/", echo_size, methods=["POST", "GET"])]), max_bytes=100)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


async def test_a_declared_body_within_the_limit_passes():
    async with client() as c:
        assert (await c.post("/", content=b"x" * 100)).json() == {"size": 100}


async def test_a_declared_body_over_the_limit_is_413_problem():
    async with client() as c:
        response = await c.post("/", content=b"x" * 101)
    assert response.status_code == 413
    assert response.headers["content-type"].startswith("application/problem+json")


async def test_a_chunked_body_is_counted_as_it_arrives():
    async def chunks(n):
        for _ in range(n):
            yield b"x" * 30

    async with client() as c:
        assert (await c.post("/", content=chunks(3))).json() == {"size": 90}
        refused = await c.post("/", content=chunks(4))
    assert refused.status_code == 413 and refused.json()["status"] == 413


async def test_requests_without_a_body_pass():
    async with client() as c:
        assert (await c.get("/")).json() == {"size": 0}


async def test_nul_characters_are_refused_in_query_and_json_body():
    from services.gateway.entrypoints.hygiene import RefuseNulCharacters

    app = RefuseNulCharacters(Starlette(routes=[Route("/", echo_size, methods=["POST", "GET"])]))
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as c:
        assert (await c.get("/", params={"status": "a\x00b"})).status_code == 422
        assert (await c.post("/", json={"name": "a\x00b"})).status_code == 422
        assert (await c.post("/", json={"name": "ab"})).json() == {"size": 13}
