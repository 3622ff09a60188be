"""How a failure is classified decides its fate: transient -> retry the batch, permanent -> DLQ.

Database errors arrive wrapped (SQLAlchemy's DBAPIError around asyncpg's exception, sometimes a
statement-timeout cancel caused by a connection loss), so the whole `.orig` / `__cause__` chain
is examined. Implicit context (an error raised while another was being handled) is not: a bug in
an `except` block must not turn into an endless retry.
"""
import asyncio

from aiokafka import errors as kafka_errors
from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError, DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError


class PermanentError(Exception):
    """A message that can never be processed (unknown tenant, impossible business rule): DLQ it.

    Messages must not carry PHI: they end up in DLQ headers and logs.
    """


# SQLSTATE classes that always mean "the server or the connection, not this message":
# 08 connection exception, 53 insufficient resources (too many connections, disk full, out of memory),
# 57 operator intervention (admin/crash shutdown 57P01/57P02, cannot connect now 57P03, query canceled 57014),
# 58 system error (I/O error outside PostgreSQL).
TRANSIENT_SQLSTATE_CLASSES = frozenset({"08", "53", "57", "58"})
# Single states elsewhere: serialization failure, deadlock, lock not available, too many connections for a role.
TRANSIENT_SQLSTATES = frozenset({"40001", "40P01", "55P03", "55006", "25P03"})

class ConcurrentDelivery(Exception):
    """Another consumer recorded an event of the batch while this one handled it (a zombie after a rebalance):
    the batch rolls back and is retried, and the retry leaves out what the other one committed."""


TRANSIENT_TYPES: tuple[type[BaseException], ...] = (
    ConcurrentDelivery,
    OperationalError,
    InterfaceError,
    DisconnectionError,
    PoolTimeoutError,
    ConnectionError,
    OSError,
    asyncio.TimeoutError,
    kafka_errors.KafkaConnectionError,
    kafka_errors.KafkaTimeoutError,
    kafka_errors.KafkaUnavailableError,
    kafka_errors.BrokerNotAvailableError,
)
# asyncpg raises these directly when the server goes away mid-transaction; matched by name so this
# module does not depend on which asyncpg classes a given version defines.
TRANSIENT_TYPE_NAMES = frozenset({
    "ConnectionDoesNotExistError", "ConnectionFailureError", "CannotConnectNowError", "TooManyConnectionsError",
    "InterfaceError", "InternalClientError", "ConnectionRejectionError",
})
MAX_CHAIN = 16


def causes(exc: BaseException) -> list[BaseException]:
    """The exception and everything it wraps: DBAPIError.orig and __cause__ (cycle-safe)."""
    chain: list[BaseException] = []
    pending: list[BaseException | None] = [exc]
    while pending and len(chain) < MAX_CHAIN:
        current = pending.pop(0)
        if current is None or any(current is seen for seen in chain):
            continue
        chain.append(current)
        pending += [getattr(current, "orig", None), current.__cause__]
    return chain


def sqlstate(exc: BaseException) -> str | None:
    """The SQLSTATE an asyncpg (or psycopg) exception carries, if any."""
    code = getattr(exc, "sqlstate", None) or getattr(exc, "pgcode", None)
    return code if isinstance(code, str) and len(code) == 5 else None


def _transient_state(code: str) -> bool:
    return code in TRANSIENT_SQLSTATES or code[:2] in TRANSIENT_SQLSTATE_CLASSES


def _transient_kind(exc: BaseException) -> bool:
    if isinstance(exc, kafka_errors.KafkaError):
        return bool(exc.retriable) or isinstance(exc, TRANSIENT_TYPES)
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    return isinstance(exc, TRANSIENT_TYPES) or type(exc).__name__ in TRANSIENT_TYPE_NAMES


def _is_sqlalchemy_wrapper(exc: BaseException) -> bool:
    """SQLAlchemy's own classes only restate what they wrap; a SQLSTATE underneath says more."""
    invalidated = isinstance(exc, DBAPIError) and exc.connection_invalidated
    return type(exc).__module__.startswith("sqlalchemy") and not invalidated


def is_transient(exc: BaseException) -> bool:
    """True when retrying the same work later can succeed (database or broker trouble, contention).

    A SQLSTATE anywhere in the chain decides over the wrapper's class: SQLAlchemy wraps a unique
    violation and a server shutdown alike in DBAPIError subclasses.
    """
    if isinstance(exc, PermanentError):
        return False
    chain = causes(exc)
    codes = [code for code in map(sqlstate, chain) if code]
    if codes:
        others = [link for link in chain if not _is_sqlalchemy_wrapper(link) and not sqlstate(link)]
        return any(_transient_state(code) for code in codes) or any(_transient_kind(link) for link in others)
    return any(_transient_kind(link) for link in chain)


def describe(exc: BaseException) -> str:
    """A PHI-free description: validation errors name the field, never the input value."""
    if isinstance(exc, ValidationError):
        parts = [f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors(include_input=False)]
        return f"schema error: {'; '.join(parts[:10])}"
    if isinstance(exc, PermanentError):
        return str(exc)
    code = next((sqlstate(link) for link in causes(exc) if sqlstate(link)), None)
    return f"{type(exc).__name__} (SQLSTATE {code}) while handling" if code else f"{type(exc).__name__} while handling"
