"""An in-memory CodingUnitOfWork: the coding use cases run over it in milliseconds, without a database."""
from collections import defaultdict
from collections.abc import Iterable
from uuid import UUID

from shared import denial_patterns
from shared.testing.fake_unit_of_work import FakeUnitOfWork
from services.coding.adapters.batch_reads import BatchReads
from services.coding.adapters.repositories import DOCUMENTS
from services.coding.adapters.same_day import BilledVisit, SameDayKey
from services.coding.adapters.tables import CodedEncounter, CodingAudit, ProviderQuery, TenantCodingSettings


def as_json(document):
    """A model or a list of models as the JSON value the real repository stores."""
    if isinstance(document, list):
        return [item.model_dump(mode="json") for item in document]
    return document.model_dump(mode="json")


class FakeEncounters:
    def __init__(self):
        self.rows: dict[UUID, CodedEncounter] = {}

    async def add_many(self, rows: list[dict]) -> None:
        for row in rows:
            if row["encounter_id"] in self.rows:
                raise ValueError("duplicate key: coded_encounter")  # the primary key refuses it
            self.rows[row["encounter_id"]] = CodedEncounter(**{**row, **{
                name: as_json(row[name]) for name in DOCUMENTS}})

    async def coded_on(self, keys: Iterable[SameDayKey]) -> dict[SameDayKey, list[BilledVisit]]:
        keys, found = set(keys), defaultdict(list)
        for row in self.rows.values():
            key = SameDayKey(row.tenant_id, row.rendering_npi, row.date_of_service, row.patient_ref)
            if row.status == "coded" and key in keys:
                found[key].append(BilledVisit(row.encounter_id, tuple(p["code"] for p in row.procedures)))
        return found

    async def get(self, tenant_id: UUID, encounter_id: UUID) -> CodedEncounter | None:
        row = self.rows.get(encounter_id)
        return row if row is not None and row.tenant_id == tenant_id else None

    locked = get

    async def review_queue(self, tenant_id: UUID, *, limit: int, after: UUID | None, edit_id: str | None,
                           assigned_to: str | None) -> list[CodedEncounter]:
        rows = sorted((r for r in self.rows.values() if r.tenant_id == tenant_id and r.status == "needs_review"
                       and (after is None or r.encounter_id > after)
                       and (edit_id is None or any(e["edit_id"] == edit_id for e in r.edits))
                       and (assigned_to is None or r.assigned_to == (None if assigned_to == "none" else assigned_to))),
                      key=lambda r: r.encounter_id)
        return rows[:limit]


class FakeSettings:
    def __init__(self):
        self.rows: dict[UUID, TenantCodingSettings] = {}

    async def get(self, tenant_id: UUID) -> TenantCodingSettings | None:
        return self.rows.get(tenant_id)

    locked = get

    def save(self, row: TenantCodingSettings) -> None:
        self.rows[row.tenant_id] = row

    async def delete(self, row: TenantCodingSettings) -> None:
        self.rows.pop(row.tenant_id, None)


class FakeDenialPatterns:
    def __init__(self):
        self.history: dict[UUID, list[denial_patterns.DenialHistory]] = defaultdict(list)
        self.learned: list[tuple[UUID, str]] = []

    async def learn(self, tenant_id: UUID, denial, *, today) -> None:
        self.learned.append((tenant_id, denial.denial_id))


class FakeBatchReads:
    """The batch's one read, over the other fakes' rows; counts the reads."""

    def __init__(self, settings: FakeSettings, encounters: FakeEncounters, denial_patterns: FakeDenialPatterns):
        self._settings, self._encounters, self._denial_patterns = settings, encounters, denial_patterns
        self.reads = 0

    async def read(self, *, tenant_ids, same_day, payer_ids, procedure_codes) -> BatchReads:
        self.reads += 1
        tenant_ids = set(tenant_ids)
        return BatchReads(
            settings={t: self._settings.rows[t] for t in tenant_ids if t in self._settings.rows},
            billed=await self._encounters.coded_on(same_day),
            histories={t: list(self._denial_patterns.history[t]) for t in tenant_ids
                       if self._denial_patterns.history.get(t)})


class FakeQueries:
    def __init__(self):
        self.rows: dict[UUID, ProviderQuery] = {}

    async def open_on(self, tenant_id: UUID, encounter_id: UUID) -> ProviderQuery | None:
        return next((q for q in self.rows.values() if q.tenant_id == tenant_id and q.encounter_id == encounter_id
                     and q.status == "open"), None)

    async def open_on_many(self, tenant_id: UUID, encounter_ids: list[UUID]) -> dict[UUID, ProviderQuery]:
        return {q.encounter_id: q for q in self.rows.values() if q.tenant_id == tenant_id
                and q.encounter_id in encounter_ids and q.status == "open"}

    async def locked(self, tenant_id: UUID, query_id: UUID) -> ProviderQuery | None:
        query = self.rows.get(query_id)
        return query if query is not None and query.tenant_id == tenant_id else None

    async def of_encounter(self, tenant_id: UUID, encounter_id: UUID) -> list[ProviderQuery]:
        return [q for q in self.rows.values() if q.tenant_id == tenant_id and q.encounter_id == encounter_id]

    def add(self, query: ProviderQuery) -> None:
        self.rows[query.id] = query


class FakeAudit:
    def __init__(self):
        self.entries: list[CodingAudit] = []

    def add(self, entry: CodingAudit) -> None:
        self.entries.append(entry)

    async def trail(self, tenant_id: UUID, encounter_id: UUID) -> list[CodingAudit]:
        return [e for e in self.entries if e.tenant_id == tenant_id and e.encounter_id == encounter_id]


class FakeCodingUnitOfWork(FakeUnitOfWork):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.encounters = FakeEncounters()
        self.settings = FakeSettings()
        self.denial_patterns = FakeDenialPatterns()
        self.batch_reads = FakeBatchReads(self.settings, self.encounters, self.denial_patterns)
        self.queries = FakeQueries()
        self.audit = FakeAudit()
