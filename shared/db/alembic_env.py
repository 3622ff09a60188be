"""The body of every service's alembic env.py: async engine, the service's tables plus outbox/inbox."""
import asyncio

from alembic import context
from sqlalchemy import MetaData, pool
from sqlalchemy.ext.asyncio import create_async_engine

from shared.db.tables import infra_metadata


def run_migrations(service_metadata: MetaData) -> None:
    config = context.config
    url = config.attributes.get("database_url") or config.get_main_option("sqlalchemy.url")
    target = [service_metadata, infra_metadata]
    if context.is_offline_mode():
        context.configure(url=url, target_metadata=target, literal_binds=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    asyncio.run(_run_online(url, target))


async def _run_online(url: str, target: list[MetaData]) -> None:
    engine = create_async_engine(url, poolclass=pool.NullPool, hide_parameters=True)
    async with engine.connect() as connection:
        await connection.run_sync(lambda sync_conn: _migrate(sync_conn, target))
        await connection.commit()
    await engine.dispose()


def _migrate(connection, target: list[MetaData]) -> None:
    context.configure(connection=connection, target_metadata=target, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()
