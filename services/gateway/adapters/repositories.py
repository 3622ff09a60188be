"""The gateway's unit of work and its repositories: every query its use cases make, by name.

Intake is set-shaped: the encounters of many concurrent requests are inserted in one statement, and
their audit entries are appended to the hash chain in the same transaction, in the statement that
writes its outbox rows. The insert takes the chain's lock before its first row, since every intake batch
appends after it: the lock is no round trip of its own, nor is the chain's head when the process's last
write left it where it was (`AuditChain.remember`).
"""
from collections.abc import Iterable
from datetime import datetime
from uuid import UUID

from sqlalchemy import bindparam, select, text, tuple_
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from shared.clock import Clock, system_clock
from shared.db.bulk import Insert, OnConflict, insert_rows, insert_together
from shared.db.driver_reads import select_rows
from shared.db.transaction_driver import TransactionDriver, flush_pending
from shared.db.unit_of_work import UnitOfWork
from services.gateway.adapters.tables import ApiKey, AuditEntry, EncounterIntake, Tenant
from services.gateway.adapters.audit_append import CHAIN_LOCK, CHAIN_LOCKED, HEAD_HASH, ChainHead
from services.gateway.adapters.webhook_store import WebhookStore
from services.gateway.domain.audit import GENESIS, chained

ExternalKey = tuple[UUID, str]  # tenant, the EHR's encounter id
_CHAIN_LOCK = text(f"SELECT {CHAIN_LOCK}")
# Built once: every intake batch appends to the chain, and a statement built per call cost more than the
# rows' hashes.
_CHAIN_HEAD = select(AuditEntry.seq, AuditEntry.hash).order_by(AuditEntry.seq.desc()).limit(1)
# Entries linked after a remembered head go in only if it is still the chain's head, and the statement
# answers the head it saw, from its snapshot (taken after the lock was granted, so no writer can move it).
_AT_GUESSED_HEAD = f"{HEAD_HASH} = :guessed_head"
_HEAD_SEEN = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"
_AUDIT = AuditEntry.__table__
_INTAKE = EncounterIntake.__table__
_NEW_ENCOUNTERS_ONLY = OnConflict(("tenant_id", "external_id"))
# A read keyed by arrays: one statement text whatever the batch's size, prepared once per connection.
_IDS_BY_EXTERNAL = text("""
SELECT i.tenant_id, i.external_id, i.id FROM encounter_intake i
JOIN unnest(CAST(:tenant_id AS uuid[]), CAST(:external_id AS text[])) AS k(tenant_id, external_id)
  ON i.tenant_id = k.tenant_id AND i.external_id = k.external_id
""").columns(_INTAKE.c.tenant_id, _INTAKE.c.external_id, _INTAKE.c.id)
_LIVE_KEY = (select(ApiKey.id, ApiKey.tenant_id, ApiKey.scopes, Tenant.rate_limit_per_second, Tenant.rate_limit_burst)
             .join(Tenant, Tenant.id == ApiKey.tenant_id)
             .where(ApiKey.key_hash == bindparam("key_hash"), ApiKey.revoked_at.is_(None)))


class EncounterRepository:
    def __init__(self, session: AsyncSession, chain: "AuditChain"):
        self._session = session
        self._chain = chain

    async def add_new(self, rows: list[dict]) -> dict[ExternalKey, UUID]:
        """Inserts the rows whose (tenant, external id) is new, in one statement; the ids it inserted.

        Of two rows with the same key in one call, the first is inserted and the second is not. The statement
        takes the audit chain's lock before its first row, for the entries the batch appends next.
        """
        if not rows:
            return {}
        inserted = await insert_rows(self._session, _INTAKE, [
            {column: row[column] for column in ("id", "tenant_id", "external_id", "source_format")} for row in rows],
            on_conflict=_NEW_ENCOUNTERS_ONLY, returning=("tenant_id", "external_id", "id"), gate=CHAIN_LOCKED)
        self._chain.locked()
        return {(row.tenant_id, row.external_id): row.id for row in inserted}

    async def ids_by_external(self, keys: Iterable[ExternalKey]) -> dict[ExternalKey, UUID]:
        wanted = list(set(keys))
        if not wanted:
            return {}
        rows = await select_rows(self._session, _IDS_BY_EXTERNAL, {"tenant_id": [k[0] for k in wanted],
                                                                   "external_id": [k[1] for k in wanted]})
        return {(row.tenant_id, row.external_id): row.id for row in rows}

    async def find(self, tenant_id: UUID, encounter_id: UUID, *, lock: bool = False) -> EncounterIntake | None:
        """The tenant's intake row; `lock` holds it until commit, for a writer that changes it."""
        query = select(EncounterIntake).where(EncounterIntake.id == encounter_id,
                                              EncounterIntake.tenant_id == tenant_id)
        result = await self._session.execute(query.with_for_update() if lock else query)
        return result.scalar_one_or_none()

    async def page(self, tenant_id: UUID, *, limit: int, before: tuple[datetime, UUID] | None,
                   external_id: str | None = None, source_format: str | None = None,
                   received_from: datetime | None = None, received_to: datetime | None = None) -> list[EncounterIntake]:
        """Newest first, keyset-paginated on (received_at, id)."""
        query = select(EncounterIntake).where(EncounterIntake.tenant_id == tenant_id)
        if before is not None:
            query = query.where(tuple_(EncounterIntake.received_at, EncounterIntake.id) < tuple_(*before))
        if external_id:
            query = query.where(EncounterIntake.external_id == external_id)
        if source_format:
            query = query.where(EncounterIntake.source_format == source_format)
        if received_from:
            query = query.where(EncounterIntake.received_at >= received_from)
        if received_to:
            query = query.where(EncounterIntake.received_at < received_to)
        query = query.order_by(EncounterIntake.received_at.desc(), EncounterIntake.id.desc()).limit(limit)
        return list((await self._session.execute(query)).scalars())


class CredentialRepository:
    """Tenants and their API keys."""

    def __init__(self, session: AsyncSession):
        self._session = session

    async def add_tenant(self, tenant: Tenant, first_key: ApiKey) -> None:
        self._session.add(tenant)
        await self._session.flush()
        self._session.add(first_key)

    async def tenant(self, tenant_id: UUID) -> Tenant | None:
        return await self._session.get(Tenant, tenant_id)

    async def ensure_tenant(self, tenant_id: UUID, name: str) -> None:
        """A tenant with this id and name and no billing provider, unless one exists: the platform's own."""
        await self._session.execute(insert(Tenant).values(id=tenant_id, name=name, billing_provider={})
                                    .on_conflict_do_nothing())

    def add_key(self, api_key: ApiKey) -> None:
        self._session.add(api_key)

    async def key(self, tenant_id: UUID, key_id: UUID) -> ApiKey | None:
        return (await self._session.execute(select(ApiKey).where(
            ApiKey.id == key_id, ApiKey.tenant_id == tenant_id))).scalar_one_or_none()

    async def keys_of(self, tenant_id: UUID) -> list[ApiKey]:
        rows = await self._session.execute(select(ApiKey).where(ApiKey.tenant_id == tenant_id).order_by(ApiKey.created_at))
        return list(rows.scalars())

    async def live_key(self, key_hash: str):
        """The unrevoked key with this hash and its tenant's own rate limit, as one row; None when unknown. Read
        on the transaction's driver (`select_rows`), so a request whose credential is not cached yet does not
        make its unit of work's SQLAlchemy session for it."""
        rows = await select_rows(self._session, _LIVE_KEY, {"key_hash": key_hash})
        return rows[0] if rows else None


def _linked_after(rows: list[dict], head: tuple[int, str]) -> list[dict]:
    """The chain's rows numbered and hashed again after `head`, each at its own time."""
    linked, (seq, prev) = [], head
    for row in rows:
        [(entry, _, digest)] = chained([row], at=row["at"], after_seq=seq, after_hash=prev)
        linked.append({**row, "seq": entry.seq, "prev_hash": prev, "hash": digest})
        seq, prev = entry.seq, digest
    return linked


def _as_uuid(value: UUID | str) -> UUID:
    """The id as the column takes it: intake hands over UUIDs (kept as they are), the audit writer text."""
    return value if isinstance(value, UUID) else UUID(value)


class AuditChain:
    """The hash-chained audit log: entries are appended under one lock, so the chain has no forks.

    The lock is taken (unless a statement of this transaction took it: `locked`) and the head read when
    entries are appended; the entries themselves are written when the unit of work flushes, with its outbox
    rows in one statement (`pending`), before its commit releases the lock. The head is read in a statement
    of its own, after the lock is granted: under READ COMMITTED a statement that waited for the lock would
    read the head from its snapshot, taken before the wait. A writer that remembers the head (`remember`)
    links after it without that read; the statement that writes the entries checks it (`write_checked`)."""

    def __init__(self, session: AsyncSession):
        self._session = session
        self._rows: list[dict] = []
        self._held = False
        self._memory: ChainHead | None = None
        self._guessed: str | None = None  # the remembered head's hash the pending rows link after
        self._last: tuple[int, str] | None = None  # the head this transaction's entries leave

    def locked(self) -> None:
        """A statement of this transaction has taken the chain's lock, held until the transaction ends."""
        self._held = True

    def remember(self, memory: ChainHead) -> None:
        """Entries link after the head `memory` holds, unread; the head they leave is noted there once
        committed."""
        self._memory = memory

    async def append(self, entries: list[dict], *, at: datetime) -> None:
        """Each dict: tenant_id, key_id, action, object_type, object_id, outcome."""
        if not entries:
            return
        await self._lock()
        after_seq, after_hash = await self._head()
        rows = chained(entries, at=at, after_seq=after_seq, after_hash=after_hash)
        self._rows += [{**entry.__dict__, "tenant_id": _as_uuid(fields["tenant_id"]),
                        "key_id": _as_uuid(fields["key_id"]), "prev_hash": prev, "hash": digest}
                       for fields, (entry, prev, digest) in zip(entries, rows)]
        self._last = rows[-1][0].seq, rows[-1][2]

    async def _lock(self) -> None:
        """The chain's lock, on the transaction's driver (the session's execute path cost more than the round
        trip), unless this transaction holds it already."""
        if self._held:
            return
        await flush_pending(self._session)
        await (await TransactionDriver.of(self._session)).fetch(_CHAIN_LOCK, {})
        self._held = True

    async def _head(self) -> tuple[int, str]:
        """The chain's last entry: one appended in this transaction and not written yet, else the remembered
        one (the lock is held already, so the statement that checks it starts after the lock was granted), else
        the table's (read on the transaction's driver, typed as the session typed it: `select_rows`)."""
        if self._rows:
            return self._rows[-1]["seq"], self._rows[-1]["hash"]
        if self._memory is not None and self._memory.head is not None:
            self._guessed = self._memory.head[1]
            return self._memory.head
        return await self._stored_head()

    async def _stored_head(self) -> tuple[int, str]:
        rows = await select_rows(self._session, _CHAIN_HEAD, {})
        return (rows[0].seq, rows[0].hash) if rows else (0, GENESIS)

    @property
    def guessed(self) -> bool:
        """Whether the pending entries link after a remembered head, which only `write_checked` writes."""
        return self._guessed is not None and bool(self._rows)

    async def write_checked(self, driver: TransactionDriver, along: list[Insert]) -> None:
        """The pending entries, linked after the remembered head, with `along` in one statement; if the head
        has moved (another writer, another process), that statement writes `along` only, and the entries go
        in linked after the head it saw, in one more statement. The lock is held, so that head stays."""
        rows, guessed, self._rows, self._guessed = self._rows, self._guessed, [], None
        seen = await insert_together(driver, [Insert(_AUDIT, rows, gate=_AT_GUESSED_HEAD), *along],
                                     answer=_HEAD_SEEN, params={"guessed_head": guessed})
        head = (seen[0]["seq"], seen[0]["hash"]) if seen else (0, GENESIS)
        if head[1] != guessed:
            rows = _linked_after(rows, head)
            await insert_together(driver, [Insert(_AUDIT, rows)])
            self._last = rows[-1]["seq"], rows[-1]["hash"]

    def committed(self) -> None:
        """The transaction has committed: the head its entries left is the one to remember."""
        if self._memory is not None and self._last is not None:
            self._memory.committed(self._last)

    def pending(self) -> list[Insert]:
        """The entries appended since the last flush, handed over once."""
        rows, self._rows = self._rows, []
        return [Insert(_AUDIT, rows)]

    async def page_from(self, start_seq: int, limit: int) -> list[AuditEntry]:
        """Up to `limit` entries of every tenant from `start_seq` on, in chain order."""
        return list((await self._session.execute(select(AuditEntry).where(AuditEntry.seq >= start_seq)
                                                 .order_by(AuditEntry.seq).limit(limit))).scalars())

    async def of_tenant(self, tenant_id: UUID, *, limit: int, before_seq: int | None, object_type: str | None,
                        object_id: str | None) -> list[AuditEntry]:
        """The tenant's entries, newest first, before a sequence number and about an object when given."""
        query = select(AuditEntry).where(AuditEntry.tenant_id == tenant_id)
        if before_seq is not None:
            query = query.where(AuditEntry.seq < before_seq)
        if object_type:
            query = query.where(AuditEntry.object_type == object_type)
        if object_id:
            query = query.where(AuditEntry.object_id == object_id)
        return list((await self._session.execute(query.order_by(AuditEntry.seq.desc()).limit(limit))).scalars())


class GatewayUnitOfWork(UnitOfWork):
    def __init__(self, session: AsyncSession, clock: Clock = system_clock):
        super().__init__(session, clock)
        self.audit = AuditChain(session)
        self.encounters = EncounterRepository(session, self.audit)
        self.credentials = CredentialRepository(session)
        self.webhooks = WebhookStore(session)

    def pending_inserts(self) -> list[Insert]:
        """The audit entries go in with the outbox rows: one round trip for both."""
        return [*self.audit.pending(), *super().pending_inserts()]

    async def flush_outbox(self) -> None:
        if not self.audit.guessed:
            return await super().flush_outbox()
        await flush_pending(self.session)
        await self.audit.write_checked(await self.driver(), super().pending_inserts())

    def committed(self) -> None:
        self.audit.committed()
        super().committed()
