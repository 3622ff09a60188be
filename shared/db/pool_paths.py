"""Whether a unit of work's connection, or a one-statement read's (`shared.db.engine.statement_connection`), can be
taken, begun and given back without SQLAlchemy's greenlet.

SQLAlchemy's pool and connection are synchronous code that awaits the driver, through its greenlet, only on some
paths: opening a connection (an empty pool, a record that is invalidated or due for recycling), a pre-ping,
closing a connection that a full pool does not keep, and whatever a listener does. When none of them can be taken,
SQLAlchemy's same code runs from the event loop and the greenlet's creation and switches are saved; otherwise it
runs in the greenlet as before. What the pool's configuration allows and which listeners the pool and the engine
hold are read once per pool; each unit of work only checks, in two calls whatever the number of events watched,
that no listener was added since.
"""
import time
from functools import lru_cache

from sqlalchemy.engine import Connection, Engine
from sqlalchemy.engine.default import DefaultDialect
from sqlalchemy.pool import Pool, PoolProxiedConnection, QueuePool
from sqlalchemy.util.queue import AsyncAdaptedQueue

# A record this close to its recycle age is taken in the greenlet, where the pool decides at the moment of checkout.
RECYCLE_MARGIN_SECONDS = 1.0


def _collections(pool_dispatch, engine_dispatch) -> tuple:
    """The listener collections of the events a checkout, its begin, and a checkin after a COMMIT would run."""
    return (pool_dispatch.checkout, pool_dispatch.checkin, pool_dispatch.reset,
            engine_dispatch.engine_connect, engine_dispatch.begin, engine_dispatch.commit)


class _Listeners:
    """The listeners of those events on one pool and engine, as read once. SQLAlchemy replaces a target's
    collection when that target gets its first listener for the event, and keeps class-level listeners in a
    sequence the collection shares: both are watched, so a listener added later is seen at the next check."""

    def __init__(self, pool_dispatch, engine_dispatch):
        self._dispatches = pool_dispatch, engine_dispatch
        self._collections = _collections(pool_dispatch, engine_dispatch)
        self._sequences = tuple(sequence for collection in self._collections
                                for sequence in (collection.listeners, collection.parent_listeners))

    def unchanged_and_empty(self) -> bool | None:
        """None when a collection was replaced (to be read again), else whether no listener is registered."""
        if _collections(*self._dispatches) != self._collections:
            return None
        for sequence in self._sequences:
            if sequence:
                return False
        return True


class PoolPaths:
    """For one engine: which of a unit of work's checkout with begin, and checkin after a COMMIT, wait on nothing."""

    def __init__(self, engine: Engine):
        self._engine = engine
        self._pool: Pool | None = None
        self._queue: AsyncAdaptedQueue | None = None
        self._listeners: _Listeners | None = None

    def _read(self, pool: Pool) -> None:
        """The pool's settings that keep every checkout in the greenlet (a pre-ping; a pool that is not a queue),
        and its listeners with the engine's."""
        queue = getattr(pool, "_pool", None)
        quiet = (isinstance(pool, QueuePool) and isinstance(queue, AsyncAdaptedQueue) and not pool._pre_ping
                 and type(self._engine.dialect).do_begin is DefaultDialect.do_begin)
        self._pool, self._queue = pool, queue if quiet else None
        self._listeners = _Listeners(pool.dispatch, self._engine.dispatch)

    def queue_if_quiet(self) -> AsyncAdaptedQueue | None:
        """The pool's queue when nothing but the pool's own code runs at checkout and checkin (no listener)."""
        pool = self._engine.pool  # `dispose()` puts a new pool in place
        if pool is not self._pool:
            self._read(pool)
        quiet = self._listeners.unchanged_and_empty()
        if quiet is None:
            self._read(pool)
            quiet = self._listeners.unchanged_and_empty()
        return self._queue if quiet and not self._engine._connection_cls._has_events else None

    def begins_without_waiting(self) -> bool:
        """Whether `engine.connect().begin()` awaits nothing: a connection is idle in the pool and the one the
        pool hands out next (last in or first in, as the pool takes them) is open, not invalidated and not due for
        recycling, so that the checkout neither opens nor closes one; BEGIN itself is sent with the first
        statement. Then the pool's checkout alone (`engine.raw_connection()`, the first step of `connect()`) awaits
        nothing either."""
        queue = self.queue_if_quiet()
        if queue is None:
            return False
        idle = queue._queue._queue
        if not idle:
            return False
        record = idle[-1] if queue.use_lifo else idle[0]
        pool = self._pool
        return (record.dbapi_connection is not None
                and (pool._recycle < 0 or time.time() - record.starttime < pool._recycle - RECYCLE_MARGIN_SECONDS)
                and pool._invalidate_time <= record.starttime and record._soft_invalidate_time <= record.starttime)

    def returns_without_waiting(self, pooled: PoolProxiedConnection) -> bool:
        """Whether giving this pool connection back runs no driver call: SQLAlchemy's adapter holds no transaction
        (the pool's reset-on-return finds nothing to end), the connection was not invalidated (that closed it), the
        pool has room for it (a full one would close it), and no listener or finalizer runs at checkin."""
        queue = self.queue_if_quiet()
        adapter = pooled.dbapi_connection
        return (queue is not None and len(queue._queue._queue) < queue.maxsize
                and adapter is not None and adapter._transaction is None
                and not pooled._connection_record.finalize_callback)

    def releases_without_waiting(self, connection: Connection) -> bool:
        """`returns_without_waiting` for a connection whose transaction is over on the driver (after its COMMIT),
        with no listener of the connection's own."""
        return not connection._has_events and self.returns_without_waiting(connection._dbapi_connection)


@lru_cache(maxsize=16)
def pool_paths(engine: Engine) -> PoolPaths:
    """The engine's one `PoolPaths`, shared by its units of work and its one-statement reads."""
    return PoolPaths(engine)
