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


def _bearer(request: Request) -> str:
    try:
        return bearer_token(request.headers.get("authorization"))
    except MalformedCredential as exc:
        raise Problem(401, "Missing or malformed API key", str(exc), headers=UNAUTHORIZED_HEADERS) from exc


async def live_credential(request: Request) -> LiveCredential:
    """The presented key's caller: from the process's short-lived cache, else from Postgres (then cached)."""
    return (await _presented_credential(request))[0]


async def _presented_credential(request: Request) -> tuple[LiveCredential, str]:
    """The presented key's live credential and the key's hash (its cache entry, and the owner of its
    Idempotency-Key): the header is read and hashed once a request."""
    key = _bearer(request)
    key_hash = hash_key(key)

    async def fetch() -> LiveCredential | None:
        async with request.app.state.runtime.units_of_work() as uow:
            row = await authenticate(uow, key)
        return LiveCredential(*row) if row is not None else None

    found = await request.app.state.credentials.get_or_fetch(key_hash, fetch)
    if found is None:
        raise Problem(401, "Invalid API key", "the key is unknown or revoked", headers=UNAUTHORIZED_HEADERS)
    return found, key_hash


@lru_cache(maxsize=4096)
def caller_ids(tenant_id: str, key_id: str) -> tuple[UUID, UUID]:
    """A credential's tenant and key ids as UUIDs: parsed once per key, not on every request it sends."""
    return UUID(tenant_id), UUID(key_id)


def require_scope(scope: str):
    # The caller is found in the check itself, not as a dependency of it: one dependency for FastAPI to solve
    # per request instead of two.
    async def _check(request: Request) -> Caller:
        found, key_hash = await _presented_credential(request)
        caller = request.state.caller = found.caller  # the audit log reads it
        request.app.state.rate_limiter.check(caller.tenant_id, found.limit)
        if scope not in caller.scopes and "admin" not in caller.scopes:
            raise Problem(403, "Forbidden", f"this key lacks the {scope} scope")
        # Only now, with the credential proven and allowed here, may a stored answer be replayed.
        await idempotency.reserve(request, owner=key_hash, tenant_id=caller.tenant_id)
        return caller

    return _check


async def require_operator(request: Request) -> None:
    expected = request.app.state.settings.admin_api_key
    key = _bearer(request)
    if not same_secret(key, expected):
        raise Problem(401, "Invalid admin key", headers=UNAUTHORIZED_HEADERS)
    await idempotency.reserve(request, owner=hash_key(key), tenant_id=None)


PushCaller = Annotated[Caller, Depends(require_scope("ehr:push"))]
ReadCaller = Annotated[Caller, Depends(require_scope("billing:read"))]
WriteCaller = Annotated[Caller, Depends(require_scope("billing:write"))]
AdminCaller = Annotated[Caller, Depends(require_scope("admin"))]
Operator = Annotated[None, Depends(require_operator)]
