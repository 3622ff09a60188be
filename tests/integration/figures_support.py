"""Helpers of the integration tests on the databases: rows in by COPY (triggers on), statements run as an
operator would, a service's units of work on the test database, and the SQL an engine sends."""
import asyncio
import contextlib
import random
from datetime import datetime, timezone

import asyncpg
from alembic import command
from alembic.config import Config
from sqlalchemy import event, make_url

from shared.db.engine import make_engine, make_session_factory
from shared.db.migrate import alembic_config, ensure_database
from shared.db.transaction_driver import TransactionDriver, compiled
from shared.db.unit_of_work import UnitOfWorkFactory
from tools.bench.stages import database_url
from tools.bench_data.generator import COLUMNS, ClaimGenerator, tenant_weights, tenants


async def copy_rows(server: str, db: str, rows: dict, *, service: str | None = None) -> None:
    """Each table's rows, in the dict's order (tenant payers are registered by the services), into
    billing_{db}, a database of `service`'s tables (db's own by default)."""
    conn = await asyncpg.connect(database_url(server, db))
    try:
        for table, table_rows in rows.items():
            if table_rows and table != "tenant_payer":
                await conn.copy_records_to_table(table, records=table_rows, columns=list(COLUMNS[service or db][table]))
    finally:
        await conn.close()


def driver_url(server: str, db: str) -> str:
    """billing_{db} on the test server, for SQLAlchemy over asyncpg (alembic, engines, the bench tools)."""
    return make_url(server).set(drivername="postgresql+asyncpg", database=f"billing_{db}").render_as_string(
        hide_password=False)


async def migrated(server: str, service: str, db: str, revision: str = "heads") -> Config:
    """billing_{db}, created if missing, with `service`'s migrations up to `revision`: the alembic config,
    for a test that goes down and up again."""
    url = driver_url(server, db)
    await ensure_database(url)
    config = alembic_config(service, url)
    await asyncio.to_thread(command.upgrade, config, revision)
    return config


async def execute(server: str, db: str, *statements: tuple) -> list:
    """Each (sql, *args) on one connection, each its own transaction: a SELECT's value, else the status."""
    conn = await asyncpg.connect(database_url(server, db))
    try:
        return [await conn.fetchval(sql, *args) if sql.lstrip().startswith("SELECT") else await conn.execute(sql, *args)
                for sql, *args in statements]
    finally:
        await conn.close()


def units(server: str, settings, unit_of_work):
    engine = make_engine(settings(database_url=server))
    return engine, UnitOfWorkFactory(make_session_factory(engine), unit_of_work=unit_of_work)


def generated(seed: int, claims: int) -> tuple[list, dict]:
    """Three tenants' claims from the bench-data generator (another seed gives other ids): the tenants
    and {database: {table: rows}}."""
    rng = random.Random(seed)
    tenant_list = tenants(rng, 3, None)
    generator = ClaimGenerator(seed, claims, tenant_list, tenant_weights(rng, 3, 0.5), datetime.now(timezone.utc))
    return tenant_list, next(generator.chunks(claims))


@contextlib.contextmanager
def statements_sent(engine):
    """The SQL texts sent while the block runs, in order: the engine's own cursors' and the unit of work's
    statements on its transaction's driver connection (the inbox claim, the outbox insert, the repositories'
    reads through `select_rows`). Other direct driver calls (COPY) are not counted."""
    sent: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        sent.append(statement)

    driver_fetch, driver_fetch_prepared = TransactionDriver.fetch, TransactionDriver.fetch_prepared

    async def fetch_recorded(driver, statement, params):
        sent.append(compiled(statement, driver.dialect)[0])
        return await driver_fetch(driver, statement, params)

    async def fetch_prepared_recorded(driver, sql, args):
        sent.append(sql)
        return await driver_fetch_prepared(driver, sql, args)

    event.listen(engine.sync_engine, "before_cursor_execute", record)
    TransactionDriver.fetch, TransactionDriver.fetch_prepared = fetch_recorded, fetch_prepared_recorded
    try:
        yield sent
    finally:
        TransactionDriver.fetch, TransactionDriver.fetch_prepared = driver_fetch, driver_fetch_prepared
        event.remove(engine.sync_engine, "before_cursor_execute", record)
