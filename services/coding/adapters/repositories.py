"""The coding service's repositories: named, set-based queries over its tables, hung on CodingUnitOfWork.

The hot path (a batch of documented encounters) reads what it needs in one statement (`batch_reads`) and writes
the coded encounters with one statement (shared/db/bulk.py); the review queue and the settings work on single rows.
"""
from collections.abc import Iterable
from datetime import date
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from shared import denial_patterns
from shared.clock import Clock, system_clock
from shared.contracts.denial import DenialOpened
from shared.db.bulk import in_array, insert_rows, json_of
from shared.db.driver_reads import select_rows
from shared.db.unit_of_work import UnitOfWork
from services.coding.adapters.batch_reads import BatchReadRepository
from services.coding.adapters.reports import CodingReports
from services.coding.adapters.same_day import CODED_ON, BilledVisit, SameDayKey, billed_visits, same_day_arrays
from services.coding.adapters.tables import (CodedEncounter, CodingAudit, DenialPattern, ProviderQuery,
                                             TenantCodingSettings)


# coded_encounter's JSON columns, handed to `add_many` as a model (the encounter) or lists of models.
DOCUMENTS = ("encounter", "diagnoses", "procedures", "edits", "suggestions")


class EncounterRepository:
    def __init__(self, session: AsyncSession):
        self._session = session

    async def add_many(self, rows: list[dict]) -> None:
        """New coded encounters (columns of coded_encounter, the documents as models), one statement for the
        batch; each document is encoded once, by pydantic's serializer."""
        await insert_rows(self._session, CodedEncounter.__table__,
                          [{**row, **{name: json_of(row[name]) for name in DOCUMENTS}} for row in rows])

    async def coded_on(self, keys: Iterable[SameDayKey]) -> dict[SameDayKey, list[BilledVisit]]:
        """Coded encounters for these patients, providers and dates, with their procedure codes."""
        keys = set(keys)
        if not keys:
            return {}
        return billed_visits(await select_rows(self._session, CODED_ON, same_day_arrays(keys)))

    async def get(self, tenant_id: UUID, encounter_id: UUID) -> CodedEncounter | None:
        return (await self._session.execute(select(CodedEncounter).where(
            CodedEncounter.encounter_id == encounter_id, CodedEncounter.tenant_id == tenant_id))).scalar_one_or_none()

    async def locked(self, tenant_id: UUID, encounter_id: UUID) -> CodedEncounter | None:
        """The encounter, locked until the transaction ends (a review or a query changes it)."""
        return (await self._session.execute(select(CodedEncounter).where(
            CodedEncounter.encounter_id == encounter_id, CodedEncounter.tenant_id == tenant_id).with_for_update())
        ).scalar_one_or_none()

    async def review_queue(self, tenant_id: UUID, *, limit: int, after: UUID | None, edit_id: str | None,
                           assigned_to: str | None) -> list[CodedEncounter]:
        query = select(CodedEncounter).where(CodedEncounter.tenant_id == tenant_id,
                                             CodedEncounter.status == "needs_review")
        if after:
            query = query.where(CodedEncounter.encounter_id > after)
        if edit_id:
            query = query.where(CodedEncounter.edits.contains([{"edit_id": edit_id}]))
        if assigned_to == "none":
            query = query.where(CodedEncounter.assigned_to.is_(None))
        elif assigned_to:
            query = query.where(CodedEncounter.assigned_to == assigned_to)
        return list((await self._session.execute(query.order_by(CodedEncounter.encounter_id).limit(limit))).scalars())


class TenantSettingsRepository:
    def __init__(self, session: AsyncSession):
        self._session = session

    async def get(self, tenant_id: UUID) -> TenantCodingSettings | None:
        return await self._session.get(TenantCodingSettings, tenant_id)

    async def locked(self, tenant_id: UUID) -> TenantCodingSettings | None:
        return await self._session.get(TenantCodingSettings, tenant_id, with_for_update=True)

    def save(self, row: TenantCodingSettings) -> None:
        self._session.add(row)

    async def delete(self, row: TenantCodingSettings) -> None:
        await self._session.delete(row)


class DenialPatternRepository:
    def __init__(self, session: AsyncSession):
        self._session = session

    async def learn(self, tenant_id: UUID, denial: DenialOpened, *, today: date) -> None:
        for statement in denial_patterns.learn(DenialPattern, tenant_id=tenant_id, denial=denial, today=today):
            await self._session.execute(statement)


class ProviderQueryRepository:
    def __init__(self, session: AsyncSession):
        self._session = session

    async def open_on(self, tenant_id: UUID, encounter_id: UUID) -> ProviderQuery | None:
        return (await self._session.execute(select(ProviderQuery).where(
            ProviderQuery.tenant_id == tenant_id, ProviderQuery.encounter_id == encounter_id,
            ProviderQuery.status == "open"))).scalar_one_or_none()

    async def open_on_many(self, tenant_id: UUID, encounter_ids: list[UUID]) -> dict[UUID, ProviderQuery]:
        rows = await self._session.execute(select(ProviderQuery).where(
            ProviderQuery.tenant_id == tenant_id, in_array(ProviderQuery.encounter_id, encounter_ids),
            ProviderQuery.status == "open"))
        return {q.encounter_id: q for q in rows.scalars()}

    async def locked(self, tenant_id: UUID, query_id: UUID) -> ProviderQuery | None:
        return (await self._session.execute(select(ProviderQuery).where(
            ProviderQuery.tenant_id == tenant_id, ProviderQuery.id == query_id).with_for_update())).scalar_one_or_none()

    async def of_encounter(self, tenant_id: UUID, encounter_id: UUID) -> list[ProviderQuery]:
        rows = await self._session.execute(select(ProviderQuery).where(
            ProviderQuery.tenant_id == tenant_id, ProviderQuery.encounter_id == encounter_id)
            .order_by(ProviderQuery.asked_at))
        return list(rows.scalars())

    def add(self, query: ProviderQuery) -> None:
        self._session.add(query)


class AuditRepository:
    def __init__(self, session: AsyncSession):
        self._session = session

    def add(self, entry: CodingAudit) -> None:
        self._session.add(entry)

    async def trail(self, tenant_id: UUID, encounter_id: UUID) -> list[CodingAudit]:
        rows = await self._session.execute(select(CodingAudit).where(
            CodingAudit.tenant_id == tenant_id, CodingAudit.encounter_id == encounter_id).order_by(CodingAudit.id))
        return list(rows.scalars())


class CodingUnitOfWork(UnitOfWork):
    def __init__(self, session: AsyncSession, clock: Clock = system_clock):
        super().__init__(session, clock)
        self.batch_reads = BatchReadRepository(session)
        self.encounters = EncounterRepository(session)
        self.settings = TenantSettingsRepository(session)
        self.denial_patterns = DenialPatternRepository(session)
        self.queries = ProviderQueryRepository(session)
        self.audit = AuditRepository(session)
        self.reports = CodingReports(session)
