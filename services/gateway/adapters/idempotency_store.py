"""Idempotency records in Postgres: reserve a key atomically, then complete or release it.

A reservation is identified by its `created_at`: completing or releasing matches it, so a request
whose reservation expired (and was taken over) can never overwrite the newer owner's record.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert

from services.gateway.adapters.tables import IdempotencyRecord
from services.gateway.domain.idempotency import COMPLETED, IN_PROGRESS, StoredKey


@dataclass(frozen=True)
class Wanted:
    """A request asking for its key."""

    owner: str
    key: str
    tenant_id: str | None
    request_hash: str


async def reserve_many(uow, wanted: list[Wanted], *, retention: timedelta,
                       in_flight_timeout: timedelta) -> dict[tuple[str, str], datetime]:
    """The reservations' tokens, by (owner, key), of the keys these requests now own; a key a live record
    holds is left out. A record past its retention, or a reservation whose request died in flight, is
    taken over. One statement: Postgres refuses one key twice in it, so such a batch is retried key by key.
    """
    table = IdempotencyRecord.__table__
    now = func.now()
    statement = insert(IdempotencyRecord).values([
        {"owner": w.owner, "key": w.key, "tenant_id": w.tenant_id, "request_hash": w.request_hash,
         "state": IN_PROGRESS, "created_at": now} for w in wanted])
    statement = statement.on_conflict_do_update(
        index_elements=["owner", "key"],
        set_={"tenant_id": statement.excluded.tenant_id, "request_hash": statement.excluded.request_hash,
              "state": IN_PROGRESS, "created_at": now, "status_code": None, "content_type": None, "body": None},
        where=or_(table.c.created_at < now - retention,
                  (table.c.state == IN_PROGRESS) & (table.c.created_at < now - in_flight_timeout)),
    ).returning(table.c.owner, table.c.key, table.c.created_at)
    return {(row.owner, row.key): row.created_at for row in await uow.session.execute(statement)}


async def find(uow, *, owner: str, key: str) -> tuple[StoredKey, IdempotencyRecord] | None:
    record = (await uow.session.execute(select(IdempotencyRecord).where(
        IdempotencyRecord.owner == owner, IdempotencyRecord.key == key))).scalar_one_or_none()
    if record is None:
        return None
    tenant = str(record.tenant_id) if record.tenant_id else None
    return StoredKey(tenant, record.request_hash, record.state), record


async def complete(uow, *, owner: str, key: str, token: datetime, status_code: int, content_type: str,
                   body: bytes) -> None:
    await uow.session.execute(update(IdempotencyRecord).where(
        IdempotencyRecord.owner == owner, IdempotencyRecord.key == key, IdempotencyRecord.created_at == token,
        IdempotencyRecord.state == IN_PROGRESS,
    ).values(state=COMPLETED, status_code=status_code, content_type=content_type, body=body))


async def release(uow, *, owner: str, key: str, token: datetime) -> None:
    await uow.session.execute(delete(IdempotencyRecord).where(
        IdempotencyRecord.owner == owner, IdempotencyRecord.key == key, IdempotencyRecord.created_at == token,
        IdempotencyRecord.state == IN_PROGRESS))
