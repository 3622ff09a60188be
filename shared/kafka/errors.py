"""How a failure is classified decides its fate: transient -> retry the batch, permanent -> DLQ."""
import asyncio

from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError, DisconnectionError, InterfaceError, OperationalError


class PermanentError(Exception):
    """A message that can never be processed (unknown tenant, impossible business rule): DLQ it.

    Messages must not carry PHI: they end up in DLQ headers and logs.
    """


TRANSIENT_TYPES: tuple[type[BaseException], ...] = (
    OperationalError,
    InterfaceError,
    DisconnectionError,
    ConnectionError,
    OSError,
    asyncio.TimeoutError,
)


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, TRANSIENT_TYPES):
        return True
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    name = type(exc).__name__
    # asyncpg raises these directly when the server goes away mid-transaction.
    return name in {"ConnectionDoesNotExistError", "CannotConnectNowError", "TooManyConnectionsError"}


def describe(exc: BaseException) -> str:
    """A PHI-free description: validation errors name the field, never the input value."""
    if isinstance(exc, ValidationError):
        parts = [f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors(include_input=False)]
        return f"schema error: {'; '.join(parts[:10])}"
    if isinstance(exc, PermanentError):
        return str(exc)
    return f"{type(exc).__name__} while handling"
