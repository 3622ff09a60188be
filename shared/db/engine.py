"""One async engine per service process, asyncpg underneath."""
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from shared.settings import PlatformSettings


def make_engine(settings: PlatformSettings) -> AsyncEngine:
    return create_async_engine(
        settings.service_database_url(),
        pool_size=settings.db_pool_size,
        max_overflow=5,
        # No pre-ping: it cost a round trip per transaction. A connection that died with the server fails
        # its statement, SQLAlchemy drops it from the pool, and the caller's transient-error retry runs.
        pool_recycle=1800,
        # A driver error's message would otherwise carry the statement's parameters: patients' names, raw files.
        hide_parameters=True,
    )


def make_session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False)
