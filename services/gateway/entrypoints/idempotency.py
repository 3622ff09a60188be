"""Idempotency-Key on every POST, with Stripe's semantics, as a reservation.

Authentication runs first: the auth dependency calls `reserve` only once the credential is valid, not
revoked and allowed on the route, so a stored answer is never served to a caller that could not
make the request now. Records are owned by the presented credential (its hash) and its tenant.

The first request inserts the key `in_progress` and runs; a concurrent twin polls (bounded) for the
first answer and replays it, or gets 409 with Retry-After. The same key with another request gets
422. `IdempotencyMiddleware` stores the answer, or releases the key when the answer says "retry"
(5xx, 401, 403, 429) or the request died; a reservation whose request crashed expires.
Concurrent requests' reservations, and their settlements, are written a batch per transaction.
"""
import asyncio
import hashlib
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from fastapi import Request
from fastapi.responses import Response

from shared.http.problems import Problem
from services.gateway.adapters import idempotency_store as store
from services.gateway.domain.idempotency import Found, keeps_answer, next_poll_delay, on_conflict
from services.gateway.adapters.group_commit import GroupCommit, in_one_transaction

HEADER = "idempotency-key"
RETENTION = timedelta(hours=24)
IN_FLIGHT_TIMEOUT = timedelta(seconds=60)  # well past the upstream timeout: a live request is done by then
TWIN_WAIT_SECONDS = 5.0


@dataclass(frozen=True)
class Reservation:
    owner: str
    key: str
    token: datetime


class Replay(Exception):
    """Raised from the auth dependency to answer with the stored response."""

    def __init__(self, response: Response):
        super().__init__("idempotent replay")
        self.response = response


async def replay_response(_: Request, exc: Replay) -> Response:
    return exc.response


async def reserve(request: Request, *, owner: str, tenant_id: str | None) -> None:
    """Reserve the request's Idempotency-Key, or replay / refuse; a no-op without a key or off POST."""
    key = request.headers.get(HEADER)
    if request.method != "POST" or not key or getattr(request.state, "idempotency", None) is not None:
        return
    if len(key) > 255:
        raise Problem(422, "Idempotency-Key is too long", "at most 255 characters",
                      errors=[{"field": "header.Idempotency-Key", "message": "at most 255 characters"}])
    fingerprint = hashlib.sha256(request.url.path.encode() + b"\n" + await request.body()).hexdigest()
    reservations = request.app.state.idempotency_reservations
    deadline, delay = time.monotonic() + TWIN_WAIT_SECONDS, 0.02
    while True:
        token, found = await reservations.submit(store.Wanted(owner, key, tenant_id, fingerprint))
        if token is not None:
            request.state.idempotency = Reservation(owner, key, token)
            return
        if found is not None:
            _answer_for(on_conflict(found[0], tenant_id=tenant_id, request_hash=fingerprint), found[1])
        if time.monotonic() + delay > deadline:
            raise Problem(409, "request in progress", "a request with this Idempotency-Key is still running",
                          headers={"Retry-After": "1"})
        await asyncio.sleep(delay)
        delay = next_poll_delay(delay)


def _answer_for(found: Found, record) -> None:
    """Raise the replay or the refusal; return when the twin should keep waiting."""
    if found is Found.MISMATCH:
        raise Problem(422, "Idempotency-Key reused with a different request", "send a new key for a new request",
                      errors=[{"field": "header.Idempotency-Key", "message": "used for another request"}])
    if found is Found.REPLAY:
        raise Replay(Response(record.body, status_code=record.status_code, media_type=record.content_type,
                              headers={"Idempotent-Replayed": "true"}))


class IdempotencyMiddleware:
    """Plain ASGI: keeps the answer of a reserved request, or frees its key so a retry runs.

    The key is settled before the answer leaves: a client retrying on a 503 finds it free, and a
    twin polling for the stored answer finds it as soon as the first client could.
    """

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        held: list[dict] = []  # the answer's messages while a kept answer is buffered

        async def settling_send(message) -> None:
            if message["type"] == "http.response.start" and _reservation(scope) is not None:
                if keeps_answer(message["status"]):
                    held.append(message)
                    return
                await _settle(scope, None)
            elif held:
                held.append(message)
                if message.get("more_body", False):
                    return
                await _settle(scope, _stored(held))
                for buffered in held:
                    await send(buffered)
                held.clear()
                return
            await send(message)

        try:
            await self.app(scope, receive, settling_send)
        except BaseException:
            await _settle(scope, None)
            raise


def _reservation(scope) -> Reservation | None:
    return scope.get("state", {}).get("idempotency")


def _stored(messages: list[dict]) -> Response:
    start = messages[0]
    content = b"".join(m.get("body", b"") for m in messages[1:])
    headers = {name.decode("latin-1"): value.decode("latin-1") for name, value in start.get("headers", [])}
    return Response(content, status_code=start["status"], headers=headers)


async def _settle(scope, response: Response | None) -> None:
    reservation = _reservation(scope)
    if reservation is None:
        return
    scope["state"]["idempotency"] = None
    where = {"owner": reservation.owner, "key": reservation.key, "token": reservation.token}

    await asyncio.shield(scope["app"].state.idempotency_settlements.submit((where, response)))


async def reserve_keys(uow, wanted: list[store.Wanted]) -> list[tuple]:
    """Many requests' reservations in one transaction: (token, None) when the request owns its key now,
    else (None, the record holding it, or None when that record just went away)."""
    tokens = await store.reserve_many(uow, wanted, retention=RETENTION, in_flight_timeout=IN_FLIGHT_TIMEOUT)
    answers = []
    for w in wanted:
        token = tokens.get((w.owner, w.key))
        answers.append((token, None if token else await store.find(uow, owner=w.owner, key=w.key)))
    return answers


async def settle_keys(uow, settlements: list[tuple[dict, Response | None]]) -> list[None]:
    """Many requests' answers kept (or keys freed) in one transaction."""
    await store.settle(uow, [store.Settlement(**where, answer=None if response is None else (
        response.status_code, response.headers.get("content-type", "application/json"), response.body))
        for where, response in settlements])
    return [None] * len(settlements)


def idempotency_writers(units_of_work) -> dict[str, GroupCommit]:
    """Reservations and settlements of concurrent requests, each a group commit (group_commit.py)."""
    return {"idempotency_reservations": GroupCommit("idempotency reserve", in_one_transaction(units_of_work, reserve_keys)),
            "idempotency_settlements": GroupCommit("idempotency settle", in_one_transaction(units_of_work, settle_keys))}
