"""A deferred session is made by the first read of anything SQLAlchemy's session holds, not before; what the unit
of work's plumbing asks of it (its dialect, whether it holds ORM state) it answers without being made."""
from unittest.mock import MagicMock

import pytest
from sqlalchemy.exc import ResourceClosedError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from shared.db.deferred_session import DeferredSession, deferrable, dialect_of

ENGINE = create_async_engine("postgresql+asyncpg://nobody@127.0.0.1:1/none")  # never connected


def _deferred() -> DeferredSession:
    return DeferredSession(async_sessionmaker(ENGINE, expire_on_commit=False), ENGINE, MagicMock())


def test_the_plumbings_questions_are_answered_without_making_the_session():
    session = _deferred()
    assert dialect_of(session) is ENGINE.sync_engine.dialect
    assert not session.made


def test_the_first_read_of_the_sessions_own_state_makes_it_joined_to_the_pooled_connection():
    session = _deferred()
    assert not session.new and session.made  # `new` reads the synchronous session
    assert session.sync_session.expire_on_commit is False  # the sessionmaker's options
    assert session.bind.sync_connection.connection is session.pooled
    assert session.bind.in_transaction()
    with pytest.raises(AttributeError):
        session.no_such_attribute


def test_a_session_ended_unmade_refuses_to_be_made():
    session = _deferred()
    session.end_unmade()
    with pytest.raises(ResourceClosedError):
        session.sync_session
    assert not session.made


def test_only_plain_sessionmakers_are_deferred():
    assert deferrable(async_sessionmaker(ENGINE))
    assert not deferrable(async_sessionmaker(ENGINE, class_=type("Custom", (AsyncSession,), {})))
