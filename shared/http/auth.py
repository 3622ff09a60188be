"""Services trust only the gateway's signed internal token for the tenant."""
from typing import Annotated

from fastapi import Depends, Header, Request

from shared.http.problems import Problem
from shared.internal_auth import HEADER, Caller, InvalidInternalToken, verify_token


def internal_caller(request: Request, token: Annotated[str | None, Header(alias=HEADER)] = None) -> Caller:
    try:
        return verify_token(request.app.state.settings.internal_token_secret, token)
    except InvalidInternalToken as exc:
        raise Problem(401, "Unauthorized", str(exc)) from exc


CallerDep = Annotated[Caller, Depends(internal_caller)]
