"""The claims unit of work and its repositories: every query the use cases make, by name.

Reads take whole sets (a batch's tenants with their payers in one query; claim.coded's four reads, denial history
among them, in one statement); the timeline is written in one statement when the unit of work commits, or with the
new claims it records or the claims a step changed.
"""
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from uuid import UUID

from sqlalchemy import ARRAY, Integer, Uuid, and_, bindparam, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from shared import denial_patterns
from shared.clock import Clock, system_clock
from shared.contracts.denial import DenialOpened
from shared.db.array_literals import array_literal
from shared.db.bulk import Insert, any_bound, in_unnested, insert_rows, text_array_bound
from shared.db.combined_reads import CombinedReads
from shared.db.driver_reads import select_rows
from shared.db.unit_of_work import UnitOfWork
from services.claims.adapters.claim_repository import ClaimRepository
from services.claims.adapters.claim_records import ServiceDayKey
from services.claims.adapters.claim_round import InterchangeFile
from services.claims.adapters.new_claims import BILLED_SERVICES, EXISTING_IDS, billed_by_day, service_day_parameters
from services.claims.adapters.timeline import Timeline
from services.claims.adapters.follow_up_store import EligibilityCache, FollowUpStore
from services.claims.adapters.reports import ClaimReports
from services.claims.adapters.tables import (BillingTenant, DenialPattern, HeldPayerResponse, Interchange,
                                             TenantPayer, isa_control_sequence)
from services.claims.adapters.mapping import PAYER_FIELDS, payer_from_row, payer_from_values
from services.claims.domain.model import Payer

PayerKey = tuple[UUID, str]  # tenant, payer id
INTERCHANGE = Interchange.__table__
TENANT = BillingTenant.__table__
PAYER = TenantPayer.__table__
PATTERN = DenialPattern.__table__
# Asked by every batch or round: built once, so each is compiled and keyed for the statement cache once, the
# (tenant, payer) keys bound as two arrays (one statement text whatever their number, nothing expanded per call).
# They select columns, not entities, and run on the transaction's driver (`select_rows`): what they answer is
# only read, and the session's ORM path (entities built, identities kept) cost more than the round trip.
_PAYER_KEYS = (bindparam("key_tenant_ids", type_=ARRAY(Uuid)), text_array_bound("key_payer_ids"))
TENANT_FIELDS = ("tenant_id", "name", "billing_provider")
WITH_TENANTS = (select(*(TENANT.c[name] for name in TENANT_FIELDS),
                       *(PAYER.c[name].label(f"payer_{name}") for name in PAYER_FIELDS))
                .select_from(TENANT.outerjoin(PAYER, and_(PAYER.c.tenant_id == TENANT.c.tenant_id,
                                                          in_unnested((PAYER.c.tenant_id, PAYER.c.payer_id),
                                                                      _PAYER_KEYS, "payer_key"))))
                .where(TENANT.c.tenant_id == any_bound("tenants")))
DENIAL_HISTORY = select(*PATTERN.c).where(
    in_unnested((PATTERN.c.tenant_id, PATTERN.c.payer_id), _PAYER_KEYS, "payer_key"))


@dataclass(frozen=True, slots=True)
class TenantRecord:
    """A tenant as the batches and rounds read it (its table row's columns), not an ORM object."""

    tenant_id: UUID
    name: str
    billing_provider: dict


def _payer_key_parameters(keys: list[PayerKey]) -> dict:
    """(tenant, payer) pairs as `_PAYER_KEYS` binds them: the tenants as a list, the payers as an array literal."""
    return {"key_tenant_ids": [tenant_id for tenant_id, _ in keys],
            "key_payer_ids": array_literal([payer_id for _, payer_id in keys])}


def _with_tenants_parameters(keys: list[PayerKey]) -> dict:
    return {**_payer_key_parameters(keys), "tenants": list({tenant_id for tenant_id, _ in keys})}


def history_by_payer(rows) -> dict[PayerKey, list[denial_patterns.DenialHistory]]:
    """`DENIAL_HISTORY`'s rows by (tenant, payer)."""
    found: dict[PayerKey, list] = {}
    for row, seen in zip(rows, denial_patterns.history_of(rows)):
        found.setdefault((row.tenant_id, row.payer_id), []).append(seen)
    return found


# claim.coded's four reads, asked by every batch with nothing between them, as one statement: a round trip a batch
# where there were four, each read's plan its own (shared/db/combined_reads.py). A fix's claim asks two of them (its
# day's live lines, its payer's history) and a remit batch's next payers two others (tenants and payers, the ids
# stored already), each pair with nothing between: one statement each too.
CODED_BATCH_READS = CombinedReads(WITH_TENANTS, BILLED_SERVICES, DENIAL_HISTORY, EXISTING_IDS)
FIX_READS = CombinedReads(BILLED_SERVICES, DENIAL_HISTORY)
NEXT_PAYER_READS = CombinedReads(WITH_TENANTS, EXISTING_IDS)


@dataclass(frozen=True, slots=True)
class CodedBatchReads:
    """What a batch of coded claims is built against: its tenants and payers, the live lines of its service days,
    its payers' denial history and those of its claim ids stored already."""

    tenants: dict[UUID, TenantRecord]
    payers: dict[PayerKey, Payer]
    billed: dict[ServiceDayKey, list[tuple[UUID, tuple]]]
    history: dict[PayerKey, list[denial_patterns.DenialHistory]]
    existing: set[UUID]


# The hand-over's file and a round's control numbers, read on the driver like the batches' reads: the file's
# columns (the entity select's SQL, character for character) rather than an ORM object the step only reads.
NEXT_WITH_STATUS = (select(*INTERCHANGE.c).where(INTERCHANGE.c.ack_status == bindparam("status"))
                    .order_by(INTERCHANGE.c.id).limit(1).with_for_update(skip_locked=True))
CONTROL_NUMBERS = select(isa_control_sequence.next_value()).select_from(
    func.generate_series(1, bindparam("count", type_=Integer)))


class TenantRepository:
    def __init__(self, session: AsyncSession):
        self._session = session

    async def get(self, tenant_id: UUID) -> BillingTenant | None:
        return await self._session.get(BillingTenant, tenant_id)

    async def save(self, tenant_id: UUID, name: str, billing_provider: dict) -> None:
        values = {"tenant_id": tenant_id, "name": name, "billing_provider": billing_provider}
        await self._session.execute(insert(BillingTenant).values(values).on_conflict_do_update(
            index_elements=["tenant_id"], set_={"name": name, "billing_provider": billing_provider}))


class PayerRepository:
    def __init__(self, session: AsyncSession):
        self._session = session
        # What `with_tenants` read in this transaction: a submission round's coverage check and batching
        # name the same tenants and payers, and the second asks for none of them again.
        self._asked: set[PayerKey] = set()
        self._tenants: dict[UUID, TenantRecord] = {}
        self._payers: dict[PayerKey, Payer] = {}

    async def get(self, tenant_id: UUID, payer_id: str) -> Payer | None:
        row = await self._session.get(TenantPayer, (tenant_id, payer_id))
        return payer_from_row(row) if row is not None else None

    async def with_tenants(self, keys: Iterable[PayerKey]) -> tuple[dict[UUID, TenantRecord], dict[PayerKey, Payer]]:
        """The tenants these keys name and those of their payers the tenants have, in one query: a batch's
        reference data in one round trip instead of two."""
        wanted = set(keys)
        if missing := list(wanted - self._asked):
            self.keep(await select_rows(self._session, WITH_TENANTS, _with_tenants_parameters(missing)), missing)
        return self.known(wanted)

    def keep(self, rows, asked: Iterable[PayerKey]) -> None:
        """`WITH_TENANTS`' rows for the keys `asked`, kept for the transaction's later asks."""
        width = len(TENANT_FIELDS)
        for row in rows:
            tenant = self._tenants[row.tenant_id] = TenantRecord(*row[:width])
            if row.payer_payer_id is not None:
                self._payers[(tenant.tenant_id, row.payer_payer_id)] = payer_from_values(row[width:])
        self._asked.update(asked)

    def known(self, wanted: set[PayerKey]) -> tuple[dict[UUID, TenantRecord], dict[PayerKey, Payer]]:
        tenant_ids = {tenant_id for tenant_id, _ in wanted}
        return ({t: tenant for t, tenant in self._tenants.items() if t in tenant_ids},
                {key: self._payers[key] for key in wanted if key in self._payers})

    def _forget(self) -> None:
        self._asked.clear()
        self._tenants.clear()
        self._payers.clear()

    async def of_tenant(self, tenant_id: UUID) -> list[TenantPayer]:
        rows = await self._session.execute(
            select(TenantPayer).where(TenantPayer.tenant_id == tenant_id).order_by(TenantPayer.payer_id))
        return list(rows.scalars())

    async def add_missing(self, rows: list[dict]) -> None:
        """The defaults a new tenant starts with; a payer it already has keeps its own profile."""
        if rows:
            self._forget()
            await self._session.execute(insert(TenantPayer).values(rows).on_conflict_do_nothing())

    async def save(self, values: dict, fields: Iterable[str]) -> None:
        self._forget()
        await self._session.execute(insert(TenantPayer).values(values).on_conflict_do_update(
            index_elements=["tenant_id", "payer_id"], set_={f: values[f] for f in fields}))


class InterchangeRepository:
    """X12 files (837P, 270, 276) and their control numbers (ISA13, one sequence for all)."""

    def __init__(self, session: AsyncSession):
        self._session = session
        self._files: list[dict] = []

    async def next_control_number(self) -> int:
        return int(await self._session.scalar(isa_control_sequence.next_value()))

    async def next_control_numbers(self, count: int) -> list[int]:
        """`count` control numbers in one round trip (a round sends one file per tenant and payer)."""
        if count <= 0:
            return []
        return [int(n) for n, in await select_rows(self._session, CONTROL_NUMBERS, {"count": count})]

    def add_file(self, **values) -> None:
        """A file to store, written with the others of the transaction in one statement when it commits: as
        plain values, where a table model built and flushed by the session cost more than the insert."""
        self._files.append(values)

    def pending(self) -> Insert:
        """The queued files, handed over once to be written at commit."""
        files, self._files = self._files, []
        return Insert(INTERCHANGE, files)

    async def flush(self) -> None:
        pending = self.pending()
        await insert_rows(self._session, pending.table, pending.rows)

    async def get(self, control: int, *, lock: bool = False) -> Interchange | None:
        return await self._session.get(Interchange, control, with_for_update=lock or None)

    async def next_with_status(self, status: str) -> InterchangeFile | None:
        """The oldest interchange in this status, locked; one another replica holds is skipped."""
        rows = await select_rows(self._session, NEXT_WITH_STATUS, {"status": status})
        return InterchangeFile(*rows[0]) if rows else None


class DenialPatternRepository:
    def __init__(self, session: AsyncSession):
        self._session = session

    async def history(self, keys: Iterable[PayerKey]) -> dict[PayerKey, list[denial_patterns.DenialHistory]]:
        """What each tenant's payers denied before, for the scrubber's warnings: one query for a batch."""
        wanted = list(set(keys))
        if not wanted:
            return {}
        return history_by_payer(await select_rows(self._session, DENIAL_HISTORY, _payer_key_parameters(wanted)))

    async def learn(self, tenant_id: UUID, denial: DenialOpened, *, today: date) -> None:
        for statement in denial_patterns.learn(DenialPattern, tenant_id=tenant_id, denial=denial, today=today):
            await self._session.execute(statement)


class HeldResponses:
    """Payer answers that could not be applied, kept with the reason."""

    def __init__(self, session: AsyncSession):
        self._session = session

    def add(self, *, tenant_id: UUID, kind: str, reason: str, x12: str, trace: str | None = None) -> None:
        self._session.add(HeldPayerResponse(tenant_id=tenant_id, kind=kind, reason=reason[:300], x12=x12,
                                            trace=trace[:50] if trace else None))

    async def newest(self, tenant_id: UUID, limit: int) -> list[HeldPayerResponse]:
        rows = await self._session.execute(select(HeldPayerResponse).where(HeldPayerResponse.tenant_id == tenant_id)
                                           .order_by(HeldPayerResponse.id.desc()).limit(limit))
        return list(rows.scalars())


class ClaimsUnitOfWork(UnitOfWork):
    """The claims service's transaction, with its repositories."""

    def __init__(self, session: AsyncSession, clock: Clock = system_clock, *,
                 claims_ready: Callable[[], None] | None = None):
        super().__init__(session, clock)
        self._claims_ready, self._ready_noted = claims_ready, False
        self.claims = ClaimRepository(session)
        self.timeline = Timeline(session)
        self.tenants = TenantRepository(session)
        self.payers = PayerRepository(session)
        self.interchanges = InterchangeRepository(session)
        self.denial_patterns = DenialPatternRepository(session)
        self.held_responses = HeldResponses(session)
        self.eligibility = EligibilityCache(session)
        self.follow_up = FollowUpStore(session)
        self.reports = ClaimReports(session)

    def note_ready(self) -> None:
        """A claim became ready in this transaction: `claims_ready` is called once it commits (the
        submission loop, woken before the commit, would not see the claim yet)."""
        if self._claims_ready is not None and not self._ready_noted:
            self._ready_noted = True
            self.after_commit(self._claims_ready)

    async def coded_batch_reads(self, payer_keys: Iterable[PayerKey], days: Iterable[ServiceDayKey],
                                ids: Iterable[UUID]) -> CodedBatchReads:
        """What `payers.with_tenants`, `claims.billed_services`, `denial_patterns.history` and `claims.existing_ids`
        answer, in one round trip. The tenants and payers are read for every key, those asked earlier in the
        transaction too (their rows are the same), and kept as `with_tenants` keeps them."""
        keys, days, ids = list(set(payer_keys)), list(set(days)), list(set(ids))
        if not ids:  # no claims: nothing to ask, as each read alone asks nothing for no keys
            return CodedBatchReads({}, {}, {}, {}, set())
        tenants, billed, history, existing = await CODED_BATCH_READS.run(self.session, {
            **_with_tenants_parameters(keys), **service_day_parameters(days), "ids": ids})
        self.payers.keep(tenants, keys)
        return CodedBatchReads(*self.payers.known(set(keys)), billed_by_day(billed), history_by_payer(history),
                               {claim_id for claim_id, in existing})

    async def billed_with_history(self, days: Iterable[ServiceDayKey], payer_keys: Iterable[PayerKey]
                                  ) -> tuple[dict[ServiceDayKey, list[tuple[UUID, tuple]]],
                                             dict[PayerKey, list[denial_patterns.DenialHistory]]]:
        """What `claims.billed_services` and `denial_patterns.history` answer, in one round trip (a fixed claim's
        day and payer)."""
        days, keys = list(set(days)), list(set(payer_keys))
        if not days and not keys:
            return {}, {}
        billed, history = await FIX_READS.run(self.session, {**service_day_parameters(days),
                                                             **_payer_key_parameters(keys)})
        return billed_by_day(billed), history_by_payer(history)

    async def next_payer_reads(self, payer_keys: Iterable[PayerKey], ids: Iterable[UUID]
                               ) -> tuple[dict[UUID, TenantRecord], dict[PayerKey, Payer], set[UUID]]:
        """What `payers.with_tenants` and `claims.existing_ids` answer, in one round trip. The tenants and payers
        are read for every key, as `coded_batch_reads` reads them, and kept as `with_tenants` keeps them."""
        keys, ids = list(set(payer_keys)), list(set(ids))
        if not ids:  # no claims to bill: nothing to ask, as each read alone asks nothing for no keys
            return {}, {}, set()
        tenants, existing = await NEXT_PAYER_READS.run(self.session, {**_with_tenants_parameters(keys), "ids": ids})
        self.payers.keep(tenants, keys)
        return *self.payers.known(set(keys)), {claim_id for claim_id, in existing}

    async def save_new_claims(self, claims: list[dict], lines: list[dict]) -> None:
        """New claims and their lines, with the timeline's steps so far, in one statement (a round trip and a
        statement where there were three); steps recorded after it go in at the commit, as before."""
        await self.claims.insert_many(claims, lines, along=[self.timeline.pending()])

    async def save_changes(self, claims: Iterable, columns: tuple[str, ...]) -> None:
        """The claims' changed `columns` with every row queued so far (their timeline's steps, the outbox's
        events) in one statement: a round trip where the commit sent a second. Rows queued after it go in at the
        commit, as before."""
        await self.claims.update_many(claims, columns, along=self.pending_inserts())

    def pending_inserts(self) -> list[Insert]:
        """The queued answers to cache, files and timeline go in with the outbox, in one statement: in a
        round or a hand-over these were a statement and a round trip each."""
        return [self.eligibility.pending(), self.interchanges.pending(), self.timeline.pending(),
                *super().pending_inserts()]
