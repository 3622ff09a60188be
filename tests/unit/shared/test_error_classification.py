"""Transient vs permanent, on the exception objects the drivers really raise and wrap."""
import asyncio

import asyncpg
import pytest
from aiokafka import errors as kafka_errors
from pydantic import BaseModel, ValidationError
from sqlalchemy import exc as sa_exc

from shared.kafka.errors import ConcurrentDelivery, PermanentError, describe, is_transient
from tests.driver_errors import postgres_error, wrapped

pytestmark = pytest.mark.unit

@pytest.mark.parametrize("sqlstate", [
    "57P01", "57P02", "57P03",   # admin shutdown, crash shutdown, cannot connect now
    "53300", "53200", "53100",   # too many connections, out of memory, disk full
    "08006", "08001", "08003",   # connection failure, cannot connect, connection does not exist
    "40P01", "40001",            # deadlock, serialization failure
    "55P03",                     # lock not available
    "57014",                     # query canceled (a statement timeout while the server restarts)
])
def test_wrapped_server_trouble_is_transient(sqlstate):
    error = wrapped(postgres_error(sqlstate))
    assert isinstance(error, sa_exc.DBAPIError)
    assert is_transient(error)


@pytest.mark.parametrize("sqlstate", ["23505", "23503", "22P02", "42P01", "22012"])
def test_wrapped_data_and_programming_errors_are_permanent(sqlstate):
    assert not is_transient(wrapped(postgres_error(sqlstate)))


def test_the_specific_asyncpg_classes_map_as_expected():
    assert is_transient(wrapped(asyncpg.exceptions.CannotConnectNowError("starting up")))
    assert is_transient(wrapped(asyncpg.exceptions.TooManyConnectionsError("too many")))
    assert is_transient(wrapped(asyncpg.exceptions.DeadlockDetectedError("deadlock")))
    assert is_transient(wrapped(asyncpg.exceptions.SerializationError("serialization")))
    assert is_transient(wrapped(asyncpg.exceptions.LockNotAvailableError("nowait")))
    assert is_transient(wrapped(asyncpg.exceptions.AdminShutdownError("terminating")))
    assert not is_transient(wrapped(asyncpg.exceptions.UniqueViolationError("duplicate key")))


def test_connection_loss_outside_the_server_is_transient():
    assert is_transient(asyncpg.exceptions.ConnectionDoesNotExistError("connection was closed"))
    assert is_transient(wrapped(asyncpg.exceptions.ConnectionDoesNotExistError("connection was closed")))
    assert is_transient(wrapped(asyncpg.exceptions.InterfaceError("cannot perform operation")))
    assert is_transient(sa_exc.TimeoutError("QueuePool limit of size 10 overflow 5 reached"))
    assert is_transient(ConnectionRefusedError(111, "refused"))
    assert is_transient(asyncio.TimeoutError())


def test_a_cause_chain_is_followed():
    try:
        try:
            raise postgres_error("57P01")
        except Exception as inner:
            raise RuntimeError("while loading claims") from inner
    except RuntimeError as outer:
        assert is_transient(outer)


@pytest.mark.parametrize("error", [
    kafka_errors.KafkaConnectionError(), kafka_errors.KafkaTimeoutError(), kafka_errors.NotLeaderForPartitionError(),
    kafka_errors.RequestTimedOutError(), kafka_errors.NodeNotReadyError(), kafka_errors.NotEnoughReplicasError(),
    kafka_errors.LeaderNotAvailableError(), kafka_errors.NotCoordinatorForGroupError(),
])
def test_retriable_kafka_errors_are_transient(error):
    assert is_transient(error)


@pytest.mark.parametrize("error", [
    kafka_errors.MessageSizeTooLargeError(), kafka_errors.InvalidTopicError(), kafka_errors.RecordListTooLargeError(),
    kafka_errors.TopicAuthorizationFailedError(),
])
def test_kafka_errors_that_never_pass_are_permanent(error):
    assert not is_transient(error)


def test_permanent_and_plain_bugs_are_permanent():
    assert not is_transient(PermanentError("unknown tenant"))
    assert not is_transient(ValueError("bad"))
    assert not is_transient(KeyError("x"))


def test_description_names_the_sqlstate_and_never_the_server_message():
    text = describe(wrapped(postgres_error("23505")))
    assert "23505" in text and "server message" not in text


def test_description_of_a_schema_error_names_the_field_not_the_value():
    class Patient(BaseModel):
        birth_date: int

    with pytest.raises(ValidationError) as caught:
        Patient.model_validate({"birth_date": "Jane Doe 1970"})
    text = describe(caught.value)
    assert "birth_date" in text and "Jane" not in text


def test_an_error_raised_while_handling_a_transient_one_is_judged_on_its_own():
    try:
        try:
            raise ConnectionResetError("peer reset")
        except ConnectionResetError:
            raise ValueError("a bug in the handler's except block")
    except ValueError as error:
        assert not is_transient(error)


def test_an_event_recorded_meanwhile_by_another_consumer_is_transient():
    try:
        try:
            raise wrapped(postgres_error("23505"))
        except sa_exc.DBAPIError as key_violation:
            raise ConcurrentDelivery("recorded meanwhile") from key_violation
    except ConcurrentDelivery as error:
        assert is_transient(error)
