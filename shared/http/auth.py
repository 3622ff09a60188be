"""Services trust only the gateway's signed internal token for the tenant."""
from typing import Annotated

from fastapi import Depends, Request

from shared.http.problems import Problem
from shared.internal_auth import HEADER, Caller, InvalidInternalToken, TokenVerifier

_verifiers: dict[str, TokenVerifier] = {}  # one per secret: a process has one, tests build apps with several


def token_verifier(secret: str) -> TokenVerifier:
    verifier = _verifiers.get(secret)
    if verifier is None:
        verifier = _verifiers[secret] = TokenVerifier(secret)
    return verifier


def caller_of(request: Request) -> Caller:
    """The caller the request's internal token names, or a 401 problem. The token is read from the headers
    here rather than declared as a Header parameter: FastAPI's parameter extraction and validation cost
    more per request than the check itself.

    The reads the gateway makes for every claim view call this from the route's body instead of declaring
    CallerDep: a dependency is one more solve of FastAPI's dependency tree per request (about 13 us, a
    tenth of the service's request path without the statement). Such a route validates its path
    parameters before the token is checked, so a malformed id is a 422 even without a valid token."""
    try:
        return token_verifier(request.app.state.settings.internal_token_secret).verify(_token_of(request.scope))
    except InvalidInternalToken as exc:
        raise Problem(401, "Unauthorized", str(exc)) from exc


_HEADER_KEY = HEADER.lower().encode("latin-1")


def _token_of(scope) -> str | None:
    """The token header's first value, as `request.headers.get(HEADER)` reads it, from the scope's raw headers:
    without the Headers object (its construction, the Mapping's `get`, the key lowered and encoded a call)."""
    for name, value in scope["headers"]:
        if name == _HEADER_KEY:
            return value.decode("latin-1")
    return None


async def internal_caller(request: Request) -> Caller:
    """Async though it never waits: FastAPI runs a plain function dependency on a worker thread, a
    thread hop on every request of every service for a few microseconds of work."""
    return caller_of(request)


CallerDep = Annotated[Caller, Depends(internal_caller)]
