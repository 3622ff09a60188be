"""A route marked @fast_route (a GET, or a POST reading its own body) answers below FastAPI's routing exactly
as FastAPI would: the same status, headers and bytes as an unmarked twin with the same body, for answers,
problems, bad ids and failures; inside the server span, which still names the route and continues the
caller's trace."""
import uuid
from types import SimpleNamespace
from typing import Annotated

import httpx
import pytest
from pydantic import BaseModel
from fastapi import APIRouter, Depends, Path, Request, Response
from fastapi.routing import iter_route_contexts

from shared import telemetry
from shared.http.app import create_service_app
from shared.http.fast_path import FastPath, FastRoute, canonical_uuid, fast_route
from shared.http.json_response import model_bytes
from shared.http.problems import Problem
from shared.telemetry.recorder import RecordingTracerProvider

pytestmark = pytest.mark.unit


class SimpleThing(BaseModel):
    name: str
ANSWER, MISSING, BROKEN, REFUSED = (uuid.UUID(int=n) for n in (1, 2, 3, 4))
TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01"


async def allowed(request: Request) -> str:
    if request.headers.get("x-caller") != "ok":
        raise Problem(403, "Forbidden", "this caller may not read things")
    return "ok"


async def _thing(request: Request, thing_id: uuid.UUID, caller: str) -> Response:
    with telemetry.start_span("thing.read"):
        request.state.read = str(thing_id)
    if thing_id == MISSING:
        raise Problem(404, "Thing not found")
    if thing_id == BROKEN:
        raise RuntimeError("a fault of the route")
    return model_bytes({"thing_id": thing_id, "caller": caller, "path_params": request.path_params})


def _app():
    router = APIRouter(prefix="/internal")

    @router.get("/things/{thing_id}")
    @fast_route
    async def fast(request: Request, thing_id: Annotated[uuid.UUID, Path()],
                   caller: Annotated[str, Depends(allowed)]) -> Response:
        return await _thing(request, thing_id, caller)

    @router.get("/twins/{thing_id}")
    async def twin(request: Request, thing_id: Annotated[uuid.UUID, Path()],
                   caller: Annotated[str, Depends(allowed)]) -> Response:
        return await _thing(request, thing_id, caller)

    @router.post("/things")
    @fast_route
    async def fast_post(request: Request, caller: Annotated[str, Depends(allowed)]) -> Response:
        return await _made(request, caller)

    @router.post("/twins")
    async def twin_post(request: Request, caller: Annotated[str, Depends(allowed)]) -> Response:
        return await _made(request, caller)

    app = create_service_app("things", settings=SimpleNamespace())
    app.include_router(router)
    return app


async def _made(request: Request, caller: str) -> Response:
    body = await request.body()
    if body == b"bad":
        raise Problem(422, "Thing is invalid", "bad")
    if body == b"fault":
        raise RuntimeError("a fault of the route")
    return model_bytes({"made": body.decode(), "caller": caller}, status_code=202)


@pytest.fixture
def recorder(monkeypatch) -> RecordingTracerProvider:
    provider = RecordingTracerProvider()
    monkeypatch.setattr(telemetry, "_tracer", provider.get_tracer("test"))
    return provider


@pytest.fixture
def answered_fast(monkeypatch) -> list[str]:
    paths: list[str] = []
    answer = FastPath._answer

    async def counted(self, fast, params, parts, scope, receive, send):
        paths.append(scope["path"])
        await answer(self, fast, params, parts, scope, receive, send)

    monkeypatch.setattr(FastPath, "_answer", counted)
    return paths


async def _both(method: str, tail: str, headers: dict) -> tuple[httpx.Response, httpx.Response]:
    transport = httpx.ASGITransport(app=_app(), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://service") as client:
        fast = await client.request(method, f"/internal/things/{tail}", headers=headers)
        twin = await client.request(method, f"/internal/twins/{tail}", headers=headers)
    return fast, twin


CASES = [
    ("an answer", "GET", str(ANSWER), {"x-caller": "ok"}, 200, True),
    ("a problem the route raises", "GET", str(MISSING), {"x-caller": "ok"}, 404, True),
    ("a problem its dependency raises", "GET", str(ANSWER), {}, 403, True),
    ("an unexpected fault", "GET", str(BROKEN), {"x-caller": "ok"}, 500, True),
    ("a malformed id", "GET", "not-a-uuid", {"x-caller": "ok"}, 422, False),
    ("a malformed id, refused first by the dependency", "GET", "not-a-uuid", {}, 403, False),
    ("an id without its dashes", "GET", ANSWER.hex, {"x-caller": "ok"}, 200, False),
    ("another method", "POST", str(ANSWER), {"x-caller": "ok"}, 405, False),
    ("a trailing segment", "GET", f"{ANSWER}/more", {"x-caller": "ok"}, 404, False),
]


POST_CASES = [
    ("a made thing", "", b"thing", {"x-caller": "ok"}, 202, True),
    ("a problem the route raises", "", b"bad", {"x-caller": "ok"}, 422, True),
    ("a problem its dependency raises", "", b"thing", {}, 403, True),
    ("an unexpected fault", "", b"fault", {"x-caller": "ok"}, 500, True),
    ("a trailing slash", "/", b"thing", {"x-caller": "ok"}, 307, False),
    ("a trailing segment", "/more", b"thing", {"x-caller": "ok"}, 405, False),
]


@pytest.mark.parametrize("tail, body, headers, status, fast_path", [c[1:] for c in POST_CASES],
                         ids=[c[0] for c in POST_CASES])
async def test_a_fast_post_answers_as_its_fastapi_twin_would(answered_fast, tail, body, headers, status, fast_path):
    transport = httpx.ASGITransport(app=_app(), raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://service") as client:
        fast = await client.post(f"/internal/things{tail}", content=body, headers=headers)
        twin = await client.post(f"/internal/twins{tail}", content=body, headers=headers)
    assert fast.status_code == twin.status_code == status
    assert fast.content == twin.content.replace(b"/twins", b"/things")
    assert dict(fast.headers) == {k: v.replace("/twins", "/things") for k, v in twin.headers.items()}
    assert (answered_fast == [f"/internal/things{tail}"]) is fast_path


async def test_a_get_of_a_fast_posts_path_goes_to_fastapi(answered_fast):
    transport = httpx.ASGITransport(app=_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://service") as client:
        answer = await client.get("/internal/things", headers={"x-caller": "ok"})
    assert answer.status_code == 405 and answered_fast == []


@pytest.mark.parametrize("method, tail, headers, status, fast_path", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
async def test_a_fast_read_answers_as_its_fastapi_twin_would(answered_fast, method, tail, headers, status, fast_path):
    fast, twin = await _both(method, tail, headers)
    assert fast.status_code == twin.status_code == status
    assert fast.content == twin.content.replace(b"/twins/", b"/things/")
    assert dict(fast.headers) == dict(twin.headers)
    assert (answered_fast == [f"/internal/things/{tail}"]) is fast_path


async def test_the_path_parameters_in_the_scope_are_the_paths_text_as_the_router_puts_them():
    fast, twin = await _both("GET", str(ANSWER).upper(), {"x-caller": "ok"})
    assert fast.json()["path_params"] == twin.json()["path_params"] == {"thing_id": str(ANSWER).upper()}


async def test_a_fast_read_is_inside_the_server_span_which_names_its_route_and_continues_the_trace(recorder):
    transport = httpx.ASGITransport(app=_app())
    async with httpx.AsyncClient(transport=transport, base_url="http://service") as client:
        answer = await client.get(f"/internal/things/{ANSWER}", headers={"x-caller": "ok", "traceparent": TRACEPARENT})
    assert answer.status_code == 200
    inner, server = recorder.drain()
    assert server.name == "GET /internal/things/{thing_id}"
    assert server.attributes["http.route"] == "/internal/things/{thing_id}"
    assert server.attributes["http.response.status_code"] == 200
    assert format(server.context.trace_id, "032x") == TRACEPARENT.split("-")[1]
    assert inner.name == "thing.read" and inner.parent == server.context


def test_only_the_canonical_spelling_of_an_id_is_taken():
    assert canonical_uuid(str(ANSWER)) == ANSWER
    for other in (ANSWER.hex, "{" + str(ANSWER) + "}", f"urn:uuid:{ANSWER}", str(ANSWER)[:-1] + "g",
                  "0000000-00000-0000-0000-000000000001"):
        assert canonical_uuid(other) is None, other


def _table(*routes) -> list[str]:
    router = APIRouter()
    for path, endpoint, *method in routes:
        router.add_api_route(path, endpoint, methods=method or ["GET"])
    return [f"{fast.method} {fast.route.path}" for fast in
            (fast for routes in FastPath(None, router=router).routes.values() for fast in routes)]


async def _by_name(request: Request, name: str) -> Response:
    return Response()


async def _by_id(request: Request, thing_id: uuid.UUID) -> Response:
    return Response()


def test_a_route_declared_earlier_that_would_answer_the_same_path_keeps_it_with_the_router():
    assert _table(("/things/{thing_id}", fast_route(_by_id))) == ["GET /things/{thing_id}"]
    assert _table(("/things/{name}", _by_name), ("/things/{thing_id}", fast_route(_by_id))) == []
    assert _table(("/things/{name}", _by_name, "POST"), ("/things/{thing_id}", fast_route(_by_id), "POST")) == []


def test_a_route_of_another_method_on_the_same_path_leaves_it_on_the_fast_path():
    assert _table(("/things/{name}", _by_name), ("/things/{thing_id}", fast_route(_by_id), "POST")) == [
        "POST /things/{thing_id}"]


def test_a_route_the_fast_path_cannot_answer_as_fastapi_would_is_refused_when_the_table_is_built():
    async def by_number(request: Request, number: int) -> Response:
        return Response()

    async def needs_more(request: Request, other: str) -> str:
        return other

    async def with_query(request: Request, thing_id: uuid.UUID, limit: int = 10) -> Response:
        return Response()

    async def with_deep_dependency(request: Request, thing_id: uuid.UUID,
                                   caller: Annotated[str, Depends(needs_more)]) -> Response:
        return Response()

    async def with_body(request: Request, thing: SimpleThing) -> Response:
        return Response()

    for path, endpoint, methods in (("/n/{number}", by_number, ["GET"]), ("/q/{thing_id}", with_query, ["GET"]),
                                    ("/d/{thing_id}", with_deep_dependency, ["GET"]), ("/b", with_body, ["POST"]),
                                    ("/m/{thing_id}", _by_id, ["GET", "POST"])):
        router = APIRouter()
        router.add_api_route(path, fast_route(endpoint), methods=methods)
        with pytest.raises(TypeError):
            FastRoute(next(iter_route_contexts(router.routes)))
