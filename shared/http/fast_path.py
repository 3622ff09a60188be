"""Hot routes answered below FastAPI's routing and parameter solving.

Every claim view through the gateway asks claims, payments and denials for their part, and every encounter
enters by the gateway's POST /v1/encounters. Most of what a service spends on such an answer is not its
statement but its request path: the router trying each route's pattern in turn, the exception and exit-stack
middleware, and the solve of the route's parameters. A route marked `@fast_route` is matched here, inside the
server span (which still names the route and carries the trace), by method and path template, and its
endpoint is called with the request, its path parameters and the dependencies it declares, each an async
function of the request alone (a caller check).

Only what is certainly the route's own request takes this way: a request of the route's one method whose
path has the template's shape and whose parameters are in their canonical form. Anything else (a malformed
id, another method, a trailing slash) goes on to FastAPI, which answers it exactly as before, 422 and 405
included. A marked POST takes its body from the request itself (it declares no body parameter, so FastAPI
would not have read or validated one either). The endpoint returns a Response (FastAPI neither validates nor
serialises a returned Response, so the bytes and headers are the same either way); an exception it raises
goes to the app's own handler for it, as FastAPI would send it there. The route stays a FastAPI route, so
the OpenAPI document keeps describing it. A marked route the fast path could not call as FastAPI would
(another parameter kind, a dependency of more than the request, a router's own dependencies, more than one
method) is refused with a TypeError when the table is built.
"""
import inspect
import re
import typing
from collections.abc import Callable
from uuid import UUID

from fastapi.params import Depends
from fastapi.routing import RouteContext, iter_route_contexts
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import compile_path
from starlette.types import ASGIApp, Receive, Scope, Send

MARK = "__fast_read__"
_UUID_DASHES = (8, 13, 18, 23)


def fast_route(endpoint: Callable) -> Callable:
    """Mark a route's endpoint for the fast path (a GET, or a POST that reads its own body):
    `async (request, ids, request-only dependencies) -> Response`."""
    setattr(endpoint, MARK, True)
    return endpoint


def canonical_uuid(text: str) -> UUID | None:
    """The UUID in its 8-4-4-4-12 form; None for any other spelling, which FastAPI then judges itself."""
    if len(text) != 36 or any(text[i] != "-" for i in _UUID_DASHES):
        return None
    try:
        return UUID(text)
    except ValueError:
        return None


PARSERS: dict[type, Callable[[str], object | None]] = {UUID: canonical_uuid}


class FastRoute:
    """One marked route: its template's segments, where its path parameters sit and how each is read, and
    the dependencies it declares, each an async function of the request alone (a caller check), called
    before the endpoint as FastAPI would call them."""

    def __init__(self, route: RouteContext):
        if route.dependencies:  # a router's own dependencies: FastAPI's to solve
            raise TypeError(f"{route.path}: a fast route declares its dependencies in its signature only")
        if len(route.methods or ()) != 1:
            raise TypeError(f"{route.path}: a fast route answers one method, not {sorted(route.methods or ())}")
        self.route, self.endpoint = route, route.endpoint
        (self.method,) = route.methods
        self.segments = route.path.split("/")
        kinds = typing.get_type_hints(route.endpoint)  # Annotated[UUID, Path()] -> UUID
        hints = typing.get_type_hints(route.endpoint, include_extras=True)
        self.path_params: list[tuple[int, str, Callable]] = []
        for index, segment in enumerate(self.segments):
            if segment.startswith("{"):
                name = segment.strip("{}")
                kind = kinds[name]
                if kind not in PARSERS:
                    raise TypeError(f"{route.path}: no fast parser for {name}: {kind!r}")
                self.path_params.append((index, name, PARSERS[kind]))
        named = {name for _, name, _ in self.path_params}
        self.literals = [i for i, segment in enumerate(self.segments) if not segment.startswith("{")]
        self.request_params: list[str] = []
        self.dependencies: list[tuple[str, Callable]] = []
        for name in inspect.signature(route.endpoint).parameters:
            if name in named:
                continue
            if kinds.get(name) is Request:
                self.request_params.append(name)
            else:
                self.dependencies.append((name, _request_dependency(route.path, name, hints.get(name))))

    def match(self, parts: list[str]) -> dict | None:
        """The parsed path parameters when `parts` is this route's path with each parameter canonical."""
        if len(parts) != len(self.segments):
            return None
        for index in self.literals:
            if parts[index] != self.segments[index]:
                return None
        params = {}
        for index, name, parse in self.path_params:
            value = parse(parts[index])
            if value is None:
                return None
            params[name] = value
        return params

    def raw_params(self, parts: list[str]) -> dict[str, str]:
        """The path parameters as the router puts them in the scope: the text of the path."""
        return {name: parts[index] for index, name, _ in self.path_params}


def _request_dependency(path: str, name: str, hint) -> Callable:
    """The function of `Annotated[..., Depends(f)]` when f is async and takes the request alone."""
    depends = [m for m in getattr(hint, "__metadata__", ()) if isinstance(m, Depends)]
    function = depends[0].dependency if depends else None
    if function is None or not inspect.iscoroutinefunction(function):
        raise TypeError(f"{path}: {name} is neither a path parameter nor an async dependency")
    arguments = typing.get_type_hints(function)
    if [arguments.get(p) for p in inspect.signature(function).parameters] != [Request]:
        raise TypeError(f"{path}: the dependency of {name} must take the request alone")
    return function


class FastPath:
    """ASGI middleware, inside the server span and outside FastAPI's own stack. Its table is read from the
    router when Starlette builds the middleware, at the first request, so routes included after the app was
    created are in it."""

    def __init__(self, app: ASGIApp, *, router):
        self.app = app
        contexts = list(iter_route_contexts(router.routes))
        self.routes: dict[str, list[FastRoute]] = {}
        for position, route in enumerate(contexts):
            if getattr(route.endpoint, MARK, False) and not _shadowed(route, contexts[:position]):
                fast = FastRoute(route)
                self.routes.setdefault(fast.method, []).append(fast)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and (routes := self.routes.get(scope["method"])):
            parts = scope["path"].split("/")
            for fast in routes:
                params = fast.match(parts)
                if params is not None:
                    await self._answer(fast, params, parts, scope, receive, send)
                    return
        await self.app(scope, receive, send)

    async def _answer(self, fast: FastRoute, params: dict, parts: list[str],
                      scope: Scope, receive: Receive, send: Send) -> None:
        scope["route"], scope["endpoint"], scope["path_params"] = fast.route, fast.endpoint, fast.raw_params(parts)
        request = Request(scope, receive, send)
        try:
            for name, dependency in fast.dependencies:
                params[name] = await dependency(request)
            for name in fast.request_params:
                params[name] = request
            response = await fast.endpoint(**params)
            if not isinstance(response, Response):
                raise TypeError(f"{fast.route.path}: a fast route returns a Response")
        except Exception as exc:
            handler = handler_for(scope["app"], exc)
            if handler is None:
                raise  # to the server span and the app's last-resort handler, as from a FastAPI route
            if inspect.iscoroutinefunction(handler):
                response = await handler(request, exc)
            else:
                response = await run_in_threadpool(handler, request, exc)
        await response(scope, receive, send)


def _shadowed(route: RouteContext, earlier: list[RouteContext]) -> bool:
    """Whether a route before it would answer a request of its method and path (ids in place), which the
    router would then send there: such a route is left to the router."""
    sample = re.sub(r"\{[^}]*\}", str(UUID(int=0)), route.path)
    methods = route.methods or set()
    return any(other.path and methods & (other.methods or set()) and compile_path(other.path)[0].match(sample)
               for other in earlier)


def handler_for(app, exc: Exception) -> Callable | None:
    """The app's handler for this exception's class or nearest base, as Starlette's exception middleware finds
    it; the catch-all (Exception, 500) is the server-error middleware's, outside this one, so it is left to it."""
    handlers = app.exception_handlers
    if isinstance(exc, HTTPException) and exc.status_code != 500 and exc.status_code in handlers:
        return handlers[exc.status_code]
    for cls in type(exc).__mro__:
        if cls is Exception:
            return None
        if cls in handlers:
            return handlers[cls]
    return None
