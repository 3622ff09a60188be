"""The audit log at work: an ASGI middleware records every PHI request before its answer leaves,
through a writer that chains entries in batches (one transaction, one lock, many requests).

Fail closed: if the entry cannot be written, the client gets a 503 instead of the data.
"""
import asyncio
import logging
from datetime import datetime, timezone
from uuid import UUID

from sqlalchemy import insert, select, text

from shared.http.problems import problem_response
from services.gateway.adapters.tables import AuditEntry
from services.gateway.domain.audit import GENESIS, ChainCheck, Entry, audit_target, entry_hash, verify_chain

log = logging.getLogger(__name__)
MAX_BATCH = 500
WRITE_TIMEOUT_SECONDS = 10
_CHAIN_LOCK = text("SELECT pg_advisory_xact_lock(hashtext('audit_log'))")


class AuditWriter:
    """Group commit: requests queue their entry and wait; one task writes whatever is queued."""

    def __init__(self, units_of_work):
        self._units = units_of_work
        self._queue: asyncio.Queue[tuple[dict, asyncio.Future]] = asyncio.Queue()

    async def record(self, **fields) -> None:
        done = asyncio.get_running_loop().create_future()
        await self._queue.put((fields, done))
        await asyncio.wait_for(done, WRITE_TIMEOUT_SECONDS)

    async def run(self, runtime) -> None:
        while not runtime.stopping.is_set():
            batch = [await self._queue.get()]
            while len(batch) < MAX_BATCH and not self._queue.empty():
                batch.append(self._queue.get_nowait())
            try:
                await self._write([fields for fields, _ in batch])
            except Exception as exc:  # noqa: BLE001 - every waiting request learns of it
                log.error("audit write failed: %s", type(exc).__name__)
                for _, done in batch:
                    done.done() or done.set_exception(exc)
                continue
            for _, done in batch:
                done.done() or done.set_result(None)

    async def _write(self, batch: list[dict]) -> None:
        async with self._units() as uow:
            await uow.session.execute(_CHAIN_LOCK)
            last = (await uow.session.execute(
                select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1))).first()
            seq, prev = (last.seq, last.hash) if last else (0, GENESIS)
            rows = []
            for fields in batch:
                seq += 1
                entry = Entry(seq=seq, at=datetime.now(timezone.utc), **fields)
                digest = entry_hash(prev, entry)
                rows.append({**entry.__dict__, "tenant_id": UUID(entry.tenant_id), "key_id": UUID(entry.key_id),
                             "prev_hash": prev, "hash": digest})
                prev = digest
            await uow.session.execute(insert(AuditEntry), rows)


class AuditMiddleware:
    """Plain ASGI: when a PHI route starts its answer, the entry is written first (or a 503 goes out)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not scope["path"].startswith("/v1/"):
            await self.app(scope, receive, send)
            return
        swallowed = False

        async def audited_send(message):
            nonlocal swallowed
            if swallowed:
                return
            if message["type"] == "http.response.start" and not await _record(scope, message["status"]):
                swallowed = True
                response = problem_response(503, "The audit log is unavailable; retry later", headers={"Retry-After": "5"})
                await response(scope, receive, send)
                return
            await send(message)

        await self.app(scope, receive, audited_send)


async def _record(scope, status: int) -> bool:
    caller = scope.get("state", {}).get("caller")
    route = getattr(scope.get("route"), "path", None)
    if caller is None or route is None:
        return True  # unauthenticated: nothing was read or written
    target = audit_target(scope["method"], route, scope.get("path_params", {}))
    if target is None:
        return True
    object_id = target.object_id or scope["state"].get("audit_object_id")
    try:
        await scope["app"].state.audit.record(
            tenant_id=caller.tenant_id, key_id=caller.key_id, action=target.action,
            object_type=target.object_type, object_id=object_id, outcome=status)
    except Exception as exc:  # noqa: BLE001 - fail closed, whatever the cause
        log.error("audit entry not written: %s", type(exc).__name__)
        return False
    return True


def mark_created(request, object_id) -> None:
    """A create route names the object it made, for the audit entry."""
    request.state.audit_object_id = str(object_id)


async def verify(units_of_work, batch: int = 5000) -> ChainCheck:
    """Walks the whole chain in seq order, a page at a time."""
    start_seq, start_hash, total = 1, GENESIS, 0
    while True:
        async with units_of_work() as uow:
            rows = (await uow.session.execute(select(AuditEntry).where(AuditEntry.seq >= start_seq)
                                              .order_by(AuditEntry.seq).limit(batch))).scalars().all()
        check = verify_chain(((_entry(r), r.prev_hash, r.hash) for r in rows), start_seq=start_seq, start_hash=start_hash)
        total += check.entries
        if not check.ok or len(rows) < batch:
            return ChainCheck(check.ok, total, check.last_hash, check.first_bad_seq, check.reason)
        start_seq, start_hash = rows[-1].seq + 1, check.last_hash


def _entry(row: AuditEntry) -> Entry:
    return Entry(seq=row.seq, at=row.at, tenant_id=str(row.tenant_id), key_id=str(row.key_id), action=row.action,
                 object_type=row.object_type, object_id=row.object_id, outcome=row.outcome)


async def entries(units_of_work, *, tenant_id: UUID, limit: int, before_seq: int | None,
                  object_type: str | None, object_id: str | None) -> list[AuditEntry]:
    query = select(AuditEntry).where(AuditEntry.tenant_id == tenant_id)
    if before_seq is not None:
        query = query.where(AuditEntry.seq < before_seq)
    if object_type:
        query = query.where(AuditEntry.object_type == object_type)
    if object_id:
        query = query.where(AuditEntry.object_id == object_id)
    async with units_of_work() as uow:
        return list((await uow.session.execute(query.order_by(AuditEntry.seq.desc()).limit(limit))).scalars())
