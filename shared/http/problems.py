"""RFC 9457 problem+json for every error; field names, never input values (they may be PHI)."""
import functools
import logging
import re

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.routing import iter_route_contexts
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import compile_path

from shared.http.json_response import JSONResponse
from shared.kafka.errors import is_transient
from shared.telemetry import path_template

log = logging.getLogger(__name__)
PROBLEM_JSON = "application/problem+json"


class Problem(Exception):
    """Raise from a route or handler to answer with a problem document."""

    def __init__(self, status: int, title: str, detail: str | None = None, *, type_: str = "about:blank",
                 errors: list[dict] | None = None, headers: dict[str, str] | None = None):
        super().__init__(title)
        self.status, self.title, self.detail, self.type, self.errors, self.headers = status, title, detail, type_, errors, headers


def problem_response(status: int, title: str, detail: str | None = None, *, type_: str = "about:blank",
                     errors: list[dict] | None = None, headers: dict[str, str] | None = None) -> JSONResponse:
    body: dict = {"type": type_, "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def validation_errors(exc: RequestValidationError) -> list[dict]:
    return [
        {"field": ".".join(str(p) for p in err["loc"]), "message": err["msg"]}
        for err in exc.errors()
    ]


def allowed_methods(app, path: str) -> list[str]:
    """Every method some route of the app answers on this path (included routers too), for a 405's Allow."""
    methods: set[str] = set()
    for route in iter_route_contexts(app.routes):
        route_path, route_methods = route.path, route.methods
        if route_path and route_methods and _path_regex(route_path).match(path):
            methods |= set(route_methods)
    return sorted(methods)


@functools.lru_cache(maxsize=1024)
def _path_regex(route_path: str) -> re.Pattern:
    return compile_path(route_path)[0]


def install_problem_handlers(app: FastAPI) -> None:
    @app.exception_handler(Problem)
    async def _problem(_: Request, exc: Problem):
        return problem_response(exc.status, exc.title, exc.detail, type_=exc.type, errors=exc.errors, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError):
        errors = validation_errors(exc)
        fields = ", ".join(e["field"] for e in errors[:5])
        return problem_response(422, "Request body is invalid", f"invalid fields: {fields}", errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        headers = getattr(exc, "headers", None)
        if exc.status_code == 405:  # the router names only the first route on the path; the path may have more
            headers = {**(headers or {}), "Allow": ", ".join(allowed_methods(request.app, request.scope["path"]))}
        return problem_response(exc.status_code, str(exc.detail), headers=headers)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        if is_transient(exc):
            return problem_response(503, "A dependency is unavailable; retry later", headers={"Retry-After": "5"})
        route = getattr(request.scope.get("route"), "path", None) or path_template(request.url.path)
        log.error("unhandled %s on %s %s", type(exc).__name__, request.method, route)  # the template: no ids
        return problem_response(500, "Internal error")
