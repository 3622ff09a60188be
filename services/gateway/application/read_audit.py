"""The audit log read back: a tenant's entries for its admins, and the whole chain checked for operators."""
from uuid import UUID

from services.gateway.adapters.tables import AuditEntry
from services.gateway.domain.audit import GENESIS, ChainCheck, Entry, verify_chain


async def verify(units_of_work, batch: int = 5000) -> ChainCheck:
    """Walks the whole chain in seq order, a page at a time."""
    start_seq, start_hash, total = 1, GENESIS, 0
    while True:
        async with units_of_work() as uow:
            rows = await uow.audit.page_from(start_seq, batch)
        check = verify_chain(((_entry(r), r.prev_hash, r.hash) for r in rows), start_seq=start_seq,
                             start_hash=start_hash)
        total += check.entries
        if not check.ok or len(rows) < batch:
            return ChainCheck(check.ok, total, check.last_hash, check.first_bad_seq, check.reason)
        start_seq, start_hash = rows[-1].seq + 1, check.last_hash


def _entry(row: AuditEntry) -> Entry:
    return Entry(seq=row.seq, at=row.at, tenant_id=str(row.tenant_id), key_id=str(row.key_id), action=row.action,
                 object_type=row.object_type, object_id=row.object_id, outcome=row.outcome)


async def entries(units_of_work, *, tenant_id: UUID, limit: int, before_seq: int | None,
                  object_type: str | None, object_id: str | None) -> list[AuditEntry]:
    async with units_of_work() as uow:
        return await uow.audit.of_tenant(tenant_id, limit=limit, before_seq=before_seq, object_type=object_type,
                                         object_id=object_id)
