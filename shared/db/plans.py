"""Reads whose best plan depends on how large the tenant is."""
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

_CUSTOM_PLANS = text("SET LOCAL plan_cache_mode = force_custom_plan")


async def plan_with_values(session: AsyncSession) -> None:
    """For the rest of the transaction, each statement is planned with its values. After a prepared statement's
    fifth run Postgres may keep one generic plan, made for an average tenant; where one practice holds thousands
    of open items and most a few, the generic plan of a keyset page reads the large one's every item below the
    cursor and sorts them. The price is a round trip and a planning per statement.

    It needs a transaction: outside one Postgres ignores SET LOCAL with a mere warning, so a reading unit of
    work (autocommit) is refused here rather than left to run the generic plan unnoticed."""
    if _autocommit(session):
        raise RuntimeError("plan_with_values needs a transaction: open the read with units_of_work(), not reading()")
    await session.execute(_CUSTOM_PLANS)


def _autocommit(session: AsyncSession) -> bool:
    options = getattr(session.bind, "get_execution_options", dict)()
    return options.get("isolation_level") == "AUTOCOMMIT"
