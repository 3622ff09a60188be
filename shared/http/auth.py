"""Services trust only the gateway's signed internal token for the tenant."""
from typing import Annotated

from fastapi import Depends, Header, Request

from shared.http.problems import Problem
from shared.internal_auth import HEADER, Caller, InvalidInternalToken, verify_token


async def internal_caller(request: Request, token: Annotated[str | None, Header(alias=HEADER)] = None) -> Caller:
    """Async though it never waits: FastAPI runs a plain function dependency on a worker thread, a
    thread hop on every request of every service for a few microseconds of HMAC."""
    try:
        return verify_token(request.app.state.settings.internal_token_secret, token)
    except InvalidInternalToken as exc:
        raise Problem(401, "Unauthorized", str(exc)) from exc


CallerDep = Annotated[Caller, Depends(internal_caller)]
