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


async def internal_caller(request: Request) -> Caller:
    """Async though it never waits: FastAPI runs a plain function dependency on a worker thread, a
    thread hop on every request of every service for a few microseconds of HMAC. The token is read from
    the headers here rather than declared as a Header parameter: FastAPI's parameter extraction and
    validation cost more per request than the HMAC itself."""
    try:
        return token_verifier(request.app.state.settings.internal_token_secret).verify(request.headers.get(HEADER))
    except InvalidInternalToken as exc:
        raise Problem(401, "Unauthorized", str(exc)) from exc


CallerDep = Annotated[Caller, Depends(internal_caller)]
