"""The plans of what a read sends over seeded rows, in one transaction rolled back at the end: no running service
ever sees the rows."""
from unittest.mock import patch

from sqlalchemy import event, text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from shared.db.transaction_driver import TransactionDriver


async def seeded_and_planned(engine: AsyncEngine, seeds, read, *, plan_mode: str = "force_generic_plan",
                             analyze: bool = False) -> tuple:
    """What `read(session)` answers after `seeds` ran, the statements it sent (text, parameters) and the plan of
    each (generic unless told; run when `analyze`)."""
    statements = []

    def keep(_conn, _cursor, statement, parameters, _context, _many):
        statements.append((statement, parameters))

    fetch_prepared = TransactionDriver.fetch_prepared

    async def keep_driver_read(driver, sql, args):  # a read on the transaction's driver fires no cursor event
        statements.append((sql, tuple(args)))
        return await fetch_prepared(driver, sql, args)

    async with engine.connect() as conn:
        transaction = await conn.begin()
        try:
            for seed in (*seeds, f"SET LOCAL plan_cache_mode = {plan_mode}"):
                await conn.execute(text(seed))
            event.listen(conn.sync_connection, "before_cursor_execute", keep)
            with patch.object(TransactionDriver, "fetch_prepared", keep_driver_read):
                answer = await read(AsyncSession(bind=conn))
            event.remove(conn.sync_connection, "before_cursor_execute", keep)
            options = "ANALYZE, BUFFERS, FORMAT JSON" if analyze else "FORMAT JSON"
            plans = [(await conn.exec_driver_sql(f"EXPLAIN ({options}) {statement}", parameters)).scalar()[0]["Plan"]
                     for statement, parameters in statements]
            return answer, statements, plans
        finally:
            await transaction.rollback()
