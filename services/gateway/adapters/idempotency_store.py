"""Idempotency records in Postgres: reserve a key atomically, then complete or release it.

A reservation is identified by its `created_at`: completing or releasing matches it, so a request
whose reservation expired (and was taken over) can never overwrite the newer owner's record.

Every statement here runs on the transaction's driver, keyed by arrays: one text whatever the batch's size.
Through the session's ORM path a settlement cost more than its round trip, and a batch sent one per request.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, select, text

from shared.db.bulk import OnConflict, insert_rows
from shared.db.driver_reads import select_rows
from shared.db.transaction_driver import flush_pending
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


_FOUND = select(IdempotencyRecord.tenant_id, IdempotencyRecord.request_hash, IdempotencyRecord.state,
                IdempotencyRecord.status_code, IdempotencyRecord.content_type, IdempotencyRecord.body,
                IdempotencyRecord.created_at).where(
    IdempotencyRecord.owner == bindparam("owner"), IdempotencyRecord.key == bindparam("key"))
# A batch's settlements, each matched by its reservation (owner, key, token) while still in progress.
_COMPLETE = text("""
UPDATE idempotency_record AS r
   SET state = :completed, status_code = s.status_code, content_type = s.content_type, body = s.body
  FROM unnest(CAST(:owner AS text[]), CAST(:key AS text[]), CAST(:token AS timestamptz[]),
              CAST(:status_code AS int4[]), CAST(:content_type AS text[]), CAST(:body AS bytea[]))
       AS s(owner, key, token, status_code, content_type, body)
 WHERE r.owner = s.owner AND r.key = s.key AND r.created_at = s.token AND r.state = :in_progress""")
_RELEASE = text("""
DELETE FROM idempotency_record AS r
 USING unnest(CAST(:owner AS text[]), CAST(:key AS text[]), CAST(:token AS timestamptz[])) AS s(owner, key, token)
 WHERE r.owner = s.owner AND r.key = s.key AND r.created_at = s.token AND r.state = :in_progress""")


@dataclass(frozen=True)
class Settlement:
    """A request's reservation (owner, key, token), with its answer to keep, or None to free the key."""

    owner: str
    key: str
    token: datetime
    answer: tuple[int, str, bytes] | None  # status code, content type, body


async def find(uow, *, owner: str, key: str):
    """The key's record: what the domain compares, and a row with the record's columns (the stored answer)."""
    rows = await select_rows(uow.session, _FOUND, {"owner": owner, "key": key})
    if not rows:
        return None
    record = rows[0]
    tenant = str(record.tenant_id) if record.tenant_id else None
    return StoredKey(tenant, record.request_hash, record.state), record


async def settle(uow, settlements: list[Settlement]) -> None:
    """Keeps the answers and frees the keys of many requests: one statement for each kind present."""
    if not settlements:
        return
    completed = [s for s in settlements if s.answer is not None]
    released = [s for s in settlements if s.answer is None]
    await flush_pending(uow.session)
    driver = await uow.driver()
    if completed:
        await driver.fetch(_COMPLETE, {**_keys(completed), "completed": COMPLETED,
                                       "status_code": [s.answer[0] for s in completed],
                                       "content_type": [s.answer[1] for s in completed],
                                       "body": [s.answer[2] for s in completed]})
    if released:
        await driver.fetch(_RELEASE, _keys(released))


def _keys(settlements: list[Settlement]) -> dict:
    return {"owner": [s.owner for s in settlements], "key": [s.key for s in settlements],
            "token": [s.token for s in settlements], "in_progress": IN_PROGRESS}
