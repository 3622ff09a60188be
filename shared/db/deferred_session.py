"""A unit of work's session that SQLAlchemy makes only when something asks it for what only it can answer.

Most batches now send every statement on the transaction's asyncpg driver (`TransactionDriver`), and a unit of
work's SQLAlchemy session, the `Connection` it is joined to and that connection's `RootTransaction` then only did
bookkeeping: made at the begin, committed and closed at the end, about 80 Python calls a transaction. Here the
unit of work holds the pool's connection itself; the driver, its BEGIN and its COMMIT go on that connection, and
the session with its `Connection` and `RootTransaction` is made, joined to the same pooled connection and its
open transaction, the first time anything reads one of the session's own attributes (an ORM query, `add`, its
bind, its identity map). From then on it is the session the unit of work made before, in every respect.
"""
from sqlalchemy.engine import Connection
from sqlalchemy.exc import ResourceClosedError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession, async_sessionmaker
from sqlalchemy.pool import PoolProxiedConnection

_DEFERRED = "_deferred_session_parts"  # the sessionmaker and the engine, until the session is made


class DeferredSession(AsyncSession):
    """An `AsyncSession` joined to `pooled` (its transaction begun or to begin on the driver), made on first use.

    `AsyncSession.__init__` runs only then: every attribute it sets (`sync_session`, `_proxied`, the binds) is
    missing until it has, so reading any of them, directly or through a method, lands in `__getattr__`, which
    makes the session and answers the attribute."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession], engine: AsyncEngine,
                 pooled: PoolProxiedConnection):
        self.pooled = pooled
        self.dialect = engine.sync_engine.dialect
        self.__dict__[_DEFERRED] = (sessions, engine)

    def __getattr__(self, name: str):
        parts = self.__dict__.get(_DEFERRED)
        if parts is None:
            if _DEFERRED in self.__dict__:
                raise ResourceClosedError("the unit of work has ended: its session was never made")
            raise AttributeError(name)  # made already: the attribute is missing from the session itself
        del self.__dict__[_DEFERRED]
        sessions, engine = parts
        sync_connection = Connection(engine.sync_engine, connection=self.pooled)
        sync_connection.begin()  # bookkeeping only: the asyncpg dialect sends BEGIN with the first statement
        options = {**sessions.kw, "bind": AsyncConnection(engine, sync_connection),
                   "join_transaction_mode": "rollback_only"}
        AsyncSession.__init__(self, **options)
        return getattr(self, name)

    def end_unmade(self) -> None:
        """Its connection went back to the pool unused by SQLAlchemy: nothing may make the session on it now."""
        self.__dict__[_DEFERRED] = None

    @property
    def made(self) -> bool:
        """Whether SQLAlchemy's session (and its connection) exist: until then no ORM state can be pending."""
        return _DEFERRED not in self.__dict__


def deferrable(sessions: async_sessionmaker[AsyncSession]) -> bool:
    """A sessionmaker making plain `AsyncSession`s with no per-session options a deferred one would miss."""
    return sessions.class_ is AsyncSession and "binds" not in sessions.kw


def dialect_of(session: AsyncSession):
    """The session's dialect, without making a deferred session."""
    return session.dialect if type(session) is DeferredSession else session.get_bind().dialect
