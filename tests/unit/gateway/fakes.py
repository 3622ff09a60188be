"""The gateway unit of work in memory: the repositories its use cases call, over plain lists and dicts."""
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

    async def find(self, tenant_id: UUID, encounter_id: UUID, *, lock: bool = False):
        found = [r for r in self.rows.values() if r["id"] == encounter_id and r["tenant_id"] == tenant_id]
        return StoredRow(found[0]) if found else None


class StoredRow:
    """A row as the session hands it out: what a use case sets on it is what the table holds."""

    def __init__(self, row: dict):
        object.__setattr__(self, "_row", row)

    def __getattr__(self, name: str):
        try:
            return self._row[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name: str, value) -> None:
        self._row[name] = value


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


class FakeWebhooks:
    """Endpoints and deliveries over lists, with the table's one delivery per (endpoint, event)."""

    def __init__(self):
        self.endpoints: list = []
        self.deliveries: list[dict] = []

    async def add_endpoint(self, endpoint):
        self.endpoints.append(endpoint)
        return endpoint

    async def live_endpoints(self, tenant_id: UUID) -> list:
        return [e for e in self.endpoints if e.tenant_id == tenant_id and e.disabled_at is None]

    async def live_endpoint(self, tenant_id: UUID, endpoint_id: UUID):
        return next((e for e in await self.live_endpoints(tenant_id) if e.id == endpoint_id), None)

    async def listening(self, tenant_ids: set[UUID]) -> dict[UUID, list[tuple[UUID, list[str]]]]:
        found: dict[UUID, list[tuple[UUID, list[str]]]] = {}
        for e in self.endpoints:
            if e.tenant_id in tenant_ids and e.disabled_at is None:
                found.setdefault(e.tenant_id, []).append((e.id, e.events))
        return found

    async def add_deliveries(self, rows: list[dict]) -> None:
        made = {(d["endpoint_id"], d["event_id"]) for d in self.deliveries}
        self.deliveries += [row for row in rows if (row["endpoint_id"], row["event_id"]) not in made]


class FakeGatewayUnitOfWork(FakeUnitOfWork):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.encounters = FakeEncounters()
        self.audit = FakeAuditChain()
        self.webhooks = FakeWebhooks()
