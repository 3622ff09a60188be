"""Idempotency-Key on every POST, with Stripe's semantics.

The same key and the same request return the stored response (marked Idempotent-Replayed); the same
key with another request is refused with 422; records are kept 24 hours. Records are owned by the
presented credential (its hash), so one client can never replay another's response. Responses of
5xx, 401, 403 and 429 are not stored: the client may retry those with the same key.
"""
import hashlib
from datetime import datetime, timedelta, timezone

from fastapi import Request
from fastapi.responses import Response
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from shared.http.problems import problem_response
from services.gateway.adapters.tables import IdempotencyRecord
from services.gateway.credentials import hash_key

HEADER = "idempotency-key"
RETENTION = timedelta(hours=24)
NOT_STORED = {401, 403, 429}


def _owner(request: Request) -> str | None:
    scheme, _, key = request.headers.get("authorization", "").partition(" ")
    return hash_key(key.strip()) if scheme.lower() == "bearer" and key.strip() else None


async def idempotency_middleware(request: Request, call_next):
    key = request.headers.get(HEADER)
    owner = _owner(request)
    if request.method != "POST" or not key or owner is None:
        return await call_next(request)
    if len(key) > 255:
        return problem_response(422, "Idempotency-Key is too long", "at most 255 characters")
    body = await request.body()
    fingerprint = hashlib.sha256(request.url.path.encode() + b"\n" + body).hexdigest()
    units = request.app.state.runtime.units_of_work
    async with units() as uow:
        stored = (await uow.session.execute(select(IdempotencyRecord).where(
            IdempotencyRecord.owner == owner, IdempotencyRecord.key == key,
            IdempotencyRecord.created_at > datetime.now(timezone.utc) - RETENTION))).scalar_one_or_none()
    if stored is not None:
        if stored.request_hash != fingerprint:
            return problem_response(422, "Idempotency-Key reused with a different request",
                                    "send a new key for a new request")
        return Response(stored.body, status_code=stored.status_code, media_type=stored.content_type,
                        headers={"Idempotent-Replayed": "true"})
    response = await call_next(request)
    if response.status_code >= 500 or response.status_code in NOT_STORED:
        return response
    content = b"".join([chunk async for chunk in response.body_iterator])
    async with units() as uow:
        await uow.session.execute(insert(IdempotencyRecord).values(
            owner=owner, key=key, request_hash=fingerprint, status_code=response.status_code,
            content_type=response.headers.get("content-type", "application/json"), body=content,
        ).on_conflict_do_nothing())
    return Response(content, status_code=response.status_code, headers=dict(response.headers))
