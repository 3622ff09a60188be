"""Idempotency records in Postgres: reserve a key atomically, then complete or release it.

A reservation is identified by its `created_at`: completing or releasing matches it, so a request
whose reservation expired (and was taken over) can never overwrite the newer owner's record.
"""
from datetime import datetime, timedelta

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.dialects.postgresql import insert

from services.gateway.adapters.tables import IdempotencyRecord
from services.gateway.domain.idempotency import COMPLETED, IN_PROGRESS, StoredKey


async def reserve(uow, *, owner: str, key: str, tenant_id: str | None, request_hash: str,
                  retention: timedelta, in_flight_timeout: timedelta) -> datetime | None:
    """The reservation's token when this request now owns the key; None when a live record holds it.

    A record past its retention, or a reservation whose request died in flight, is taken over.
    """
    table = IdempotencyRecord.__table__
    now = func.now()
    statement = insert(IdempotencyRecord).values(
        owner=owner, key=key, tenant_id=tenant_id, request_hash=request_hash, state=IN_PROGRESS, created_at=now,
    )
    statement = statement.on_conflict_do_update(
        index_elements=["owner", "key"],
        set_={"tenant_id": tenant_id, "request_hash": request_hash, "state": IN_PROGRESS, "created_at": now,
              "status_code": None, "content_type": None, "body": None},
        where=or_(table.c.created_at < now - retention,
                  (table.c.state == IN_PROGRESS) & (table.c.created_at < now - in_flight_timeout)),
    ).returning(table.c.created_at)
    return (await uow.session.execute(statement)).scalar()


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
