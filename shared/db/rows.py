"""Driver rows that read like the ORM's: `row.amount` as well as `row["amount"]`, so a read that skips
the ORM (shared.db.engine.statement_connection) can hand its rows to the same pure view functions."""
import asyncpg


class Row(asyncpg.Record):
    """Pass as `record_class=Row` to the driver's fetch calls."""

    __slots__ = ()

    def __getattr__(self, name: str):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None
