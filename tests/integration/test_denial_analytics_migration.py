"""The migration to the SLA figures by due day, on a database that already holds denials, some with a due
day counted from another day than the one they opened (the service's clock and the database's across a
midnight): the downgrade brings back the SLA figures per day opened and their index; the upgrade makes
every due day agree with the day opened, rebuilds the figures (no drift from the denials) with the indexes
the analytics read, and the analytics equal the long way again."""
import asyncio

from alembic import command
from sqlalchemy.ext.asyncio import create_async_engine

from shared.db.engine import make_session_factory
from shared.db.unit_of_work import UnitOfWorkFactory
from services.denials.adapters import analytics_figures
from services.denials.adapters.repositories import DenialsUnitOfWork
from services.denials.domain.queue import sla_due
from tests.integration.figures_support import copy_rows, driver_url, execute, generated, migrated
from tests.integration.test_report_figures import _compare_analytics

BEFORE = "c4e6b8d0f2a5"
DB = "denials_migration"  # billing_denials_migration: a database of its own, migrated back and forth


async def _indexes(server: str) -> set[str]:
    return set((await execute(server, DB, ("SELECT array_agg(indexname::text) FROM pg_indexes WHERE tablename IN "
                                           "('denial_figure', 'denial_month_figure')",)))[0])


async def _no_drift(server: str) -> None:
    assert await execute(server, DB, *((q,) for q in analytics_figures.DRIFT),
                         *((months.drift(),) for months in analytics_figures.MONTHS)) == [0, 0, 0, 0]


async def test_the_due_day_migration_aligns_the_due_days_and_rebuilds_the_figures(infrastructure):
    server = infrastructure.database_url
    config = await migrated(server, "denials", DB, "head")
    tenant_list, rows = generated(12, 600)
    await copy_rows(server, DB, {table: rows["denials"][table]
                                 for table in ("adjudicated_claim", "denial", "submitted_claim")}, service="denials")
    denials = [r[0] for r in rows["denials"]["denial"]]
    await execute(server, DB, ("UPDATE denial SET sla_due = sla_due + 1 WHERE id = ANY($1::uuid[])", denials[:12]))

    await asyncio.to_thread(command.downgrade, config, BEFORE)
    assert analytics_figures.DATED_INDEX in await _indexes(server)
    assert not await _indexes(server) & analytics_figures.READ_INDEXES.keys()
    assert await execute(server, DB, ("SELECT count(*) FROM denial_figure WHERE dimension = 'sla' "
                                      "AND key IN ('met', 'missed', 'unacted')",),
                         ("SELECT count(*) FROM denial_figure WHERE dimension IN ('unacted_due', 'waiting_due')",),
                         ("SELECT count(*) FROM denial_month_figure WHERE dimension IN ('sla', 'waiting')",)) == [0, 0, 0]
    assert (await execute(server, DB, ("SELECT count(*) FROM denial_figure WHERE dimension = 'sla' AND key <> ''",)))[0] > 0

    await asyncio.to_thread(command.upgrade, config, "head")
    assert analytics_figures.READ_INDEXES.keys() <= await _indexes(server)
    assert analytics_figures.DATED_INDEX not in await _indexes(server)
    days = (await execute(server, DB, ("SELECT array_agg(ARRAY[(opened_at AT TIME ZONE 'UTC')::date, sla_due]) "
                                       "FROM denial",)))[0]
    assert len(days) == len(denials) and all(due == sla_due(opened) for opened, due in days)
    await _no_drift(server)
    engine = create_async_engine(driver_url(server, DB))
    try:
        await _compare_analytics(UnitOfWorkFactory(make_session_factory(engine), unit_of_work=DenialsUnitOfWork),
                                 [t.tenant_id for t in tenant_list])
    finally:
        await engine.dispose()
