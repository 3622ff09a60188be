"""The gateway unit of work in memory: the repositories its use cases call, over plain lists and dicts."""
from types import SimpleNamespace
from uuid import UUID

from shared.testing.fake_unit_of_work import FakeUnitOfWork
from services.gateway.domain.audit import GENESIS, Entry, entry_hash


class FakeEncounters:
    def __init__(self):
        self.rows: dict[tuple[UUID, str], dict] = {}  # by (tenant, external id), as the unique constraint
        self.insert_calls = 0

    async def add_new(self, rows: list[dict]) -> dict[tuple[UUID, str], UUID]:
        self.insert_calls += 1
        inserted = {}
        for row in rows:
            key = (row["tenant_id"], row["external_id"])
            if key not in self.rows:
                self.rows[key] = dict(row)
                inserted[key] = row["id"]
        return inserted

    async def ids_by_external(self, keys) -> dict[tuple[UUID, str], UUID]:
        return {key: self.rows[key]["id"] for key in set(keys) if key in self.rows}

    async def find(self, tenant_id: UUID, encounter_id: UUID):
        found = [r for r in self.rows.values() if r["id"] == encounter_id and r["tenant_id"] == tenant_id]
        return SimpleNamespace(**found[0]) if found else None


class FakeAuditChain:
    """Chains the entries as the real one does, so a test can check the hashes link up."""

    def __init__(self):
        self.entries: list[Entry] = []
        self.hashes: list[str] = []

    async def append(self, entries: list[dict], *, at) -> None:
        for fields in entries:
            entry = Entry(seq=len(self.entries) + 1, at=at, **{**fields, "tenant_id": str(fields["tenant_id"]),
                                                                "key_id": str(fields["key_id"])})
            self.hashes.append(entry_hash(self.hashes[-1] if self.hashes else GENESIS, entry))
            self.entries.append(entry)


class FakeGatewayUnitOfWork(FakeUnitOfWork):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.encounters = FakeEncounters()
        self.audit = FakeAuditChain()
