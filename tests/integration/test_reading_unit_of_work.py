"""A read route's unit of work runs its statements without BEGIN and COMMIT (two round trips per
request for nothing under READ COMMITTED), and refuses to be used for a write."""
import uuid

import pytest
from sqlalchemy import text

from shared.db.engine import make_engine, make_session_factory
from shared.db.unit_of_work import UnitOfWorkFactory
from services.claims.adapters.tables import ClaimEvent
from services.claims.settings import Settings


@pytest.fixture(scope="module")
async def units(infrastructure):
    engine = make_engine(Settings(database_url=infrastructure.database_url))
    yield UnitOfWorkFactory(make_session_factory(engine))
    await engine.dispose()


async def _in_transaction(uow) -> bool:
    await uow.session.execute(text("SELECT 1"))
    connection = await (await uow.session.connection()).get_raw_connection()
    return connection.driver_connection.is_in_transaction()


async def test_a_read_sends_no_begin_where_a_write_does(units):
    async with units.reading() as uow:
        assert not await _in_transaction(uow)
    async with units() as uow:
        assert await _in_transaction(uow)


async def test_a_reading_unit_of_work_refuses_a_write(units):
    with pytest.raises(RuntimeError, match="asked to write"):
        async with units.reading() as uow:
            uow.session.add(ClaimEvent(tenant_id=uuid.uuid4(), claim_id=uuid.uuid4(), event="noted", status="ready"))
