"""The pool's and the engine's listeners are read once per engine, and one added or removed later is seen at the
next unit of work: a listener may await the driver, so none may run outside SQLAlchemy's greenlet."""
import pytest
from sqlalchemy import event
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool, Pool

from shared.db.pool_paths import PoolPaths

pytestmark = pytest.mark.unit

URL = "postgresql+asyncpg://nobody@127.0.0.1:1/none"  # never connected to


def _noop(*_args) -> None:
    pass


@pytest.fixture
def engine():
    return create_async_engine(URL).sync_engine


@pytest.mark.parametrize("target, name", [
    ("pool", "checkout"), ("pool", "checkin"), ("pool", "reset"),
    ("engine", "engine_connect"), ("engine", "begin"), ("engine", "commit")])
def test_a_listener_added_after_the_first_read_is_seen_and_its_removal_too(engine, target, name):
    paths = PoolPaths(engine)
    assert paths.queue_if_quiet() is not None
    listened = engine.pool if target == "pool" else engine
    event.listen(listened, name, _noop)
    assert paths.queue_if_quiet() is None
    event.remove(listened, name, _noop)
    assert paths.queue_if_quiet() is not None


@pytest.mark.parametrize("cls, name", [(Pool, "checkin"), (Pool, "checkout"), (Connection, "begin")])
def test_a_class_level_listener_added_later_is_seen(engine, cls, name):
    paths = PoolPaths(engine)
    assert paths.queue_if_quiet() is not None
    had_events = Connection._has_events
    event.listen(cls, name, _noop)
    try:
        assert paths.queue_if_quiet() is None
    finally:
        event.remove(cls, name, _noop)
        Connection._has_events = had_events  # SQLAlchemy never unsets it


def test_a_listener_on_events_that_never_await_at_checkout_keeps_the_pool_quiet(engine):
    """The "connect" listener runs only when a connection is opened, which is always done in the greenlet."""
    paths = PoolPaths(engine)
    event.listen(engine, "connect", _noop)
    event.listen(engine, "before_cursor_execute", _noop)
    assert paths.queue_if_quiet() is not None


def test_a_pool_put_in_place_by_dispose_is_read_again(engine):
    paths = PoolPaths(engine)
    first = paths.queue_if_quiet()
    engine.dispose()
    assert paths.queue_if_quiet() is not None and paths.queue_if_quiet() is not first


@pytest.mark.parametrize("options", [{"poolclass": NullPool}, {"pool_pre_ping": True}])
def test_a_pool_that_opens_or_pings_at_every_checkout_is_never_quiet(options):
    assert PoolPaths(create_async_engine(URL, **options).sync_engine).queue_if_quiet() is None


def test_with_no_idle_connection_the_begin_waits(engine):
    assert PoolPaths(engine).begins_without_waiting() is False
