"""Driver rows that read like the ORM's (`row.amount`), so a read that skips the ORM
(shared.db.engine.statement_connection) can hand its rows to the same pure view functions.

The rows are named tuples made from the driver's records: a field is read in C. An asyncpg.Record
subclass with `__getattr__` (what this was) failed the normal lookup first and raised an
AttributeError inside every read; a claim's postings view reads about eighty fields per answer."""
from collections import namedtuple
from collections.abc import Sequence
from functools import lru_cache, partial

import asyncpg


@lru_cache(maxsize=64)
def _row_maker(keys: tuple[str, ...]):
    """The row class's tuple constructor, which builds a row from a record in C (as shared.db.driver_reads does)."""
    return partial(tuple.__new__, namedtuple("Row", keys))


def named_rows(records: Sequence[asyncpg.Record]) -> list[tuple]:
    """The records as named tuples of their columns, in the statement's column order."""
    if not records:
        return []
    return list(map(_row_maker(tuple(records[0].keys())), records))
