"""Database driver errors as the services really see them, for the tests of error classification."""
import asyncpg
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects.postgresql.asyncpg import AsyncAdapt_asyncpg_dbapi

DBAPI = AsyncAdapt_asyncpg_dbapi(asyncpg)


def postgres_error(sqlstate: str, severity: str = "ERROR") -> asyncpg.PostgresError:
    return asyncpg.PostgresError.new({"C": sqlstate, "M": "server message", "S": severity})


def wrapped(error: BaseException) -> sa_exc.DBAPIError:
    """What SQLAlchemy's asyncpg dialect raises: asyncpg error -> adapter error (from it) -> DBAPIError."""
    translate = DBAPI._asyncpg_error_translate
    adapter_class = next(translate[k] for k in type(error).__mro__ if k in translate)
    try:
        try:
            raise error
        except Exception as original:
            raise adapter_class(str(original), original) from original
    except Exception as adapted:
        return sa_exc.DBAPIError.instance("SELECT 1", {}, adapted, DBAPI.Error)
