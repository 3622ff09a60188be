"""Reads sent as one statement (shared/db/combined_reads.py): each read's FROM and WHERE as it wrote them, each
column typed as its read types it, and each read's rows handed back apart under its own column names."""
import pytest
from sqlalchemy import Column, Date, Integer, MetaData, String, Table, Uuid, bindparam, select
from sqlalchemy.dialects import postgresql

from shared.db import combined_reads
from shared.db.combined_reads import CombinedReads

pytestmark = pytest.mark.unit

METADATA = MetaData()
TENANT = Table("tenant", METADATA, Column("tenant_id", Uuid, primary_key=True), Column("name", String(200)))
LINE = Table("line", METADATA, Column("claim_id", Uuid), Column("day", Date), Column("units", Integer))
TENANTS = select(TENANT.c.tenant_id, TENANT.c.name).where(TENANT.c.tenant_id == bindparam("tenant"))
LINES = select(LINE.c.claim_id, LINE.c.day, LINE.c.units).where(LINE.c.units > bindparam("units"))


def _sql(statement) -> str:
    return str(statement.compile(dialect=postgresql.dialect()))


def test_each_read_keeps_its_from_and_where_as_written():
    combined = _sql(CombinedReads(TENANTS, LINES).statement)
    for read in (TENANTS, LINES):
        own = _sql(read)
        assert own[own.index("\nFROM "):] in combined


def test_each_column_is_typed_as_its_read_types_it_in_every_branch():
    statement = CombinedReads(TENANTS, LINES).statement
    types = {column.key: type(column.type) for column in statement.selected_columns}
    assert types == {"read": Integer, "r0_tenant_id": Uuid, "r0_name": String, "r1_claim_id": Uuid, "r1_day": Date,
                     "r1_units": Integer}
    combined = _sql(statement)
    assert "CAST(NULL AS UUID) AS r1_claim_id" in combined and "CAST(NULL AS VARCHAR(200)) AS r0_name" in combined


async def test_each_reads_rows_come_back_apart_in_their_order_under_their_names(monkeypatch):
    answered = [(1, None, None, "c1", "d1", 2), (0, "t1", "first", None, None, None), (1, None, None, "c2", "d2", 5)]

    async def rows(session, statement, parameters):
        assert parameters == {"tenant": "t1", "units": 1}
        return answered

    monkeypatch.setattr(combined_reads, "select_rows", rows)
    tenants, lines = await CombinedReads(TENANTS, LINES).run(None, {"tenant": "t1", "units": 1})
    assert tenants == [("t1", "first")] and tenants[0].name == "first"
    assert lines == [("c1", "d1", 2), ("c2", "d2", 5)] and [line.units for line in lines] == [2, 5]


async def test_a_read_that_answers_nothing_is_an_empty_list(monkeypatch):
    async def rows(session, statement, parameters):
        return []

    monkeypatch.setattr(combined_reads, "select_rows", rows)
    assert await CombinedReads(TENANTS, LINES).run(None, {}) == [[], []]
