"""Several reads a step asks one after the other, sent as one statement: a round trip where there was one a read.

Each read's own select (its FROM, joins and conditions untouched, so each keeps its plan) becomes one branch of a
`UNION ALL`, led by its place in the list and carrying every read's columns: its own, and the others' as NULLs
cast to their column types, so that each column's type is the read's own and the driver and the session's
result processors answer every value as the read alone answered it. `run` hands each read's rows back apart, in
the order its branch answered them, named as its select names them (by attribute and by position), for the code
that decoded the read alone.
"""
from collections import namedtuple
from collections.abc import Mapping, Sequence

from sqlalchemy import Integer, Select, cast, literal_column, null, union_all
from sqlalchemy.ext.asyncio import AsyncSession

from shared.db.driver_reads import select_rows


def _branches(reads: Sequence[Select]) -> list[Select]:
    named = [[(f"r{place}_{column.key}", column) for column in read.selected_columns]
             for place, read in enumerate(reads)]
    return [read.with_only_columns(
        literal_column(str(place), Integer).label("read"),
        *(column.label(name) if other == place else cast(null(), column.type).label(name)
          for other, columns in enumerate(named) for name, column in columns))
        for place, read in enumerate(reads)]


class CombinedReads:
    """Selects built once, run together: their parameters' names must not clash unless they mean one value."""

    def __init__(self, *reads: Select):
        self.statement = union_all(*_branches(reads))
        self._rows = [namedtuple("Row", [column.key for column in read.selected_columns]) for read in reads]
        widths = [len(read.selected_columns) for read in reads]
        starts = [1 + sum(widths[:place]) for place in range(len(reads))]
        self._spans = [(start, start + width) for start, width in zip(starts, widths)]

    async def run(self, session: AsyncSession, parameters: Mapping) -> list[list[tuple]]:
        """Each read's rows, in the reads' order: one round trip on the transaction's driver."""
        answered: list[list] = [[] for _ in self._spans]
        for row in await select_rows(session, self.statement, parameters):
            answered[row[0]].append(row)
        return [[row_class._make(row[start:end]) for row in rows]
                for rows, row_class, (start, end) in zip(answered, self._rows, self._spans)]
