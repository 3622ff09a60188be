"""The intake batch's writes against Postgres: new encounters inserted once per (tenant, external id),
re-sent ones found, and one statement text whatever the batch's size (prepared once per connection)."""
import uuid

import pytest
from sqlalchemy import event

from shared.db.engine import make_engine, make_session_factory
from shared.db.unit_of_work import UnitOfWorkFactory
from services.gateway.adapters.repositories import GatewayUnitOfWork
from services.gateway.settings import Settings


@pytest.fixture(scope="module")
async def engine(infrastructure):
    engine = make_engine(Settings(database_url=infrastructure.database_url))
    yield engine
    await engine.dispose()


@pytest.fixture
def units(engine):
    return UnitOfWorkFactory(make_session_factory(engine), unit_of_work=GatewayUnitOfWork)


def _row(tenant, external_id):
    return {"id": uuid.uuid4(), "tenant_id": tenant, "external_id": external_id, "source_format": "json"}


async def test_only_new_keys_are_inserted_and_the_first_of_twins_wins(units):
    tenant = uuid.uuid4()
    async with units() as uow:
        first = await uow.encounters.add_new([_row(tenant, "A")])
    twin_a, new_b, twin_b = _row(tenant, "A"), _row(tenant, "B"), _row(tenant, "B")
    async with units() as uow:
        inserted = await uow.encounters.add_new([twin_a, new_b, twin_b])
        found = await uow.encounters.ids_by_external([(tenant, "A"), (tenant, "B"), (tenant, "C")])
    assert inserted == {(tenant, "B"): new_b["id"]}
    assert found == {(tenant, "A"): first[(tenant, "A")], (tenant, "B"): new_b["id"]}


async def test_a_batch_of_any_size_sends_the_same_statements(engine, units):
    sent: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        sent.append(statement)

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    try:
        for size in (2, 3):
            tenant = uuid.uuid4()
            async with units() as uow:
                await uow.encounters.add_new([_row(tenant, f"E{i}") for i in range(size)])
                await uow.encounters.ids_by_external([(tenant, f"E{i}") for i in range(size)])
    finally:
        event.remove(engine.sync_engine, "before_cursor_execute", record)
    writes = [s for s in sent if "encounter_intake" in s]
    assert len(writes) == 4 and writes[:2] == writes[2:]
