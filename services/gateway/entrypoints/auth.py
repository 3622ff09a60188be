"""Bearer API key -> Caller. The tenant comes only from the credential, never from the request."""
from functools import lru_cache
from typing import Annotated
from uuid import UUID

from fastapi import Depends, Request

from shared.http.problems import Problem
from shared.internal_auth import Caller
from services.gateway.entrypoints import idempotency
from services.gateway.application.api_keys import authenticate
from services.gateway.adapters.credentials import LiveCredential, MalformedCredential, bearer_token, hash_key, same_secret

UNAUTHORIZED_HEADERS = {"WWW-Authenticate": "Bearer"}


def _bearer(header: str | None) -> str:
    try:
        return bearer_token(header)
    except MalformedCredential as exc:
        raise Problem(401, "Missing or malformed API key", str(exc), headers=UNAUTHORIZED_HEADERS) from exc


async def live_credential(request: Request) -> LiveCredential:
    """The presented key's caller, with its hash as `owner`: from the process's short-lived cache, else
    from Postgres (then cached).

    The cache is keyed by the Authorization header as sent, so a header seen with a live key within the
    cache's time is answered by one look-up; any other is read, checked and hashed first."""
    header = request.headers.get("authorization")
    credentials = request.app.state.credentials
    found = credentials.get(header)
    if found is not None:
        return found
    key = _bearer(header)
    key_hash = hash_key(key)

    async def fetch() -> LiveCredential | None:
        async with request.app.state.runtime.units_of_work() as uow:
            row = await authenticate(uow, key)
        return LiveCredential(*row, owner=key_hash) if row is not None else None

    found = await credentials.get_or_fetch(header, fetch)
    if found is None:
        raise Problem(401, "Invalid API key", "the key is unknown or revoked", headers=UNAUTHORIZED_HEADERS)
    return found


@lru_cache(maxsize=4096)
def caller_ids(tenant_id: str, key_id: str) -> tuple[UUID, UUID]:
    """A credential's tenant and key ids as UUIDs: parsed once per key, not on every request it sends."""
    return UUID(tenant_id), UUID(key_id)


def require_scope(scope: str):
    # The caller is found in the check itself, not as a dependency of it: one dependency for FastAPI to solve
    # per request instead of two.
    async def _check(request: Request) -> Caller:
        found = await live_credential(request)
        caller = request.state.caller = found.caller  # the audit log reads it
        request.app.state.rate_limiter.check(caller.tenant_id, found.limit)
        if scope not in caller.scopes and "admin" not in caller.scopes:
            raise Problem(403, "Forbidden", f"this key lacks the {scope} scope")
        # Only now, with the credential proven and allowed here, may a stored answer be replayed.
        await idempotency.reserve(request, owner=found.owner, tenant_id=caller.tenant_id)
        return caller

    return _check


async def require_operator(request: Request) -> None:
    expected = request.app.state.settings.admin_api_key
    key = _bearer(request.headers.get("authorization"))
    if not same_secret(key, expected):
        raise Problem(401, "Invalid admin key", headers=UNAUTHORIZED_HEADERS)
    await idempotency.reserve(request, owner=hash_key(key), tenant_id=None)


PushCaller = Annotated[Caller, Depends(require_scope("ehr:push"))]
ReadCaller = Annotated[Caller, Depends(require_scope("billing:read"))]
WriteCaller = Annotated[Caller, Depends(require_scope("billing:write"))]
AdminCaller = Annotated[Caller, Depends(require_scope("admin"))]
Operator = Annotated[None, Depends(require_operator)]
