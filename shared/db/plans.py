"""Reads whose best plan depends on how large the tenant is."""
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

_CUSTOM_PLANS = text("SET LOCAL plan_cache_mode = force_custom_plan")


async def plan_with_values(session: AsyncSession) -> None:
    """For the rest of the transaction, each statement is planned with its values. After a prepared statement's
    fifth run Postgres may keep one generic plan, made for an average tenant; where one practice holds thousands
    of open items and most a few, the generic plan of a keyset page reads the large one's every item below the
    cursor and sorts them. The price is a round trip and a planning per statement."""
    await session.execute(_CUSTOM_PLANS)
