"""Idempotency records in Postgres: reserve a key atomically, then complete or release it.

A reservation is identified by its `created_at`: completing or releasing matches it, so a request
whose reservation expired (and was taken over) can never overwrite the newer owner's record.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select, update

from shared.db.bulk import OnConflict, insert_rows
from services.gateway.adapters.tables import IdempotencyRecord
from services.gateway.domain.idempotency import COMPLETED, IN_PROGRESS, StoredKey


@dataclass(frozen=True)
class Wanted:
    """A request asking for its key."""

    owner: str
    key: str
    tenant_id: str | None
    request_hash: str


_RECORD = IdempotencyRecord.__table__
# The reservation's time is the server's: `created_at` is the token completing and releasing match on.
_RESERVED_NOW = (("created_at", "now()"),)
# A record past its retention, or a reservation whose request died in flight, is taken over.
_TAKE_OVER = OnConflict(
    ("owner", "key"),
    update=(("tenant_id", "excluded.tenant_id"), ("request_hash", "excluded.request_hash"),
            ("state", "excluded.state"), ("created_at", "now()"), ("status_code", "NULL"),
            ("content_type", "NULL"), ("body", "NULL")),
    where="idempotency_record.created_at < now() - CAST(:retention AS interval)"
          " OR (idempotency_record.state = :in_progress"
          " AND idempotency_record.created_at < now() - CAST(:in_flight_timeout AS interval))")


async def reserve_many(uow, wanted: list[Wanted], *, retention: timedelta,
                       in_flight_timeout: timedelta) -> dict[tuple[str, str], datetime]:
    """The reservations' tokens, by (owner, key), of the keys these requests now own; a key a live record
    holds is left out. A record past its retention, or a reservation whose request died in flight, is
    taken over. One statement (shared.db.bulk: one text whatever the batch's size): Postgres refuses one
    key twice in it, so such a batch is retried key by key.
    """
    rows = await insert_rows(uow.session, _RECORD, [
        {"owner": w.owner, "key": w.key, "tenant_id": w.tenant_id, "request_hash": w.request_hash, "state": IN_PROGRESS}
        for w in wanted], computed=_RESERVED_NOW, on_conflict=_TAKE_OVER, returning=("owner", "key", "created_at"),
        params={"in_progress": IN_PROGRESS, "retention": retention, "in_flight_timeout": in_flight_timeout})
    return {(row.owner, row.key): row.created_at for row in rows or ()}


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
