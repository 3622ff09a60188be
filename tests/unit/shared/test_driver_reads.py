"""What shared/db/driver_reads.py makes of a select before any row: the dialect's own SQL, compiled once per
statement; the parameters in `$n` order, bound by the column types' processors, constants held by the statement;
the result processors chosen by the types the server answers; rows read by attribute, key and position."""
import enum
from collections import namedtuple
from decimal import Decimal
from types import SimpleNamespace

import pytest
from sqlalchemy import (ARRAY, Column, Date, Enum, Float, Integer, MetaData, Numeric, String, Table, Uuid, bindparam, column,
                        select, text)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.dialects.postgresql.asyncpg import dialect as asyncpg_dialect

from shared.db.bulk import any_bound
from shared.db.driver_reads import select_shape
from services.denials.adapters.tables import Denial

pytestmark = pytest.mark.unit

DIALECT = asyncpg_dialect()


class Level(enum.Enum):
    claim = "claim"
    line = "line"


PROBE = Table("probe", MetaData(), Column("id", Uuid, primary_key=True), Column("amount", Numeric(12, 2)),
              Column("ratio", Float), Column("level", Enum(Level)), Column("name", String(40)),
              Column("rank", Integer), Column("due", Date), Column("detail", JSONB))
BY_IDS = select(PROBE).where(PROBE.c.id == any_bound("ids", PROBE.c.id.type), PROBE.c.rank > bindparam("rank"))

NUMERIC, FLOAT8, INT4 = 1700, 701, 23


def _attributes(*oids):
    return [SimpleNamespace(type=SimpleNamespace(oid=oid)) for oid in oids]


def test_the_sql_is_the_dialects_own_compilation_with_its_parameters_in_dollar_order():
    shape = select_shape(BY_IDS, DIALECT)
    assert shape.sql == BY_IDS.compile(dialect=DIALECT).string
    assert "probe.id = ANY ($1::UUID[]) AND probe.rank > $2::INTEGER" in shape.sql
    assert [name for name, _, _ in shape.parameters] == ["ids", "rank"]


def test_a_statement_is_compiled_once_and_two_statements_are_two_shapes():
    assert select_shape(BY_IDS, DIALECT) is select_shape(BY_IDS, DIALECT)
    assert select_shape(select(PROBE.c.id), DIALECT) is not select_shape(select(PROBE.c.name), DIALECT)


def test_values_are_bound_by_the_column_types_processors():
    levels = select(PROBE.c.id).where(PROBE.c.level == any_bound("levels", PROBE.c.level.type))
    assert select_shape(levels, DIALECT).arguments({"levels": [Level.line, Level.claim]}) == [["line", "claim"]]


def test_a_constant_the_statement_holds_is_bound_unless_the_call_names_it():
    first = select(PROBE.c.id).where(PROBE.c.name == bindparam("name")).limit(5)
    shape = select_shape(first, DIALECT)
    limit = shape.parameters[1][0]
    assert shape.arguments({"name": "x"}) == ["x", 5]
    assert shape.arguments({"name": "x", limit: 7}) == ["x", 7]
    with pytest.raises(KeyError):
        shape.arguments({})


def test_a_select_of_orm_entities_is_refused_the_session_answers_objects():
    with pytest.raises(ValueError, match="ORM entities"):
        select_shape(select(Denial), DIALECT)
    assert select_shape(select(Denial.id, Denial.amount), DIALECT).row._fields == ("id", "amount")


def test_a_list_the_compiler_expands_per_call_is_refused():
    with pytest.raises(ValueError, match="any_bound"):
        select_shape(select(PROBE.c.id).where(PROBE.c.name.in_(["a", "b"])), DIALECT)


def test_the_result_processors_are_the_types_own_for_the_types_the_server_answers():
    amounts = select_shape(select(PROBE.c.amount, PROBE.c.name), DIALECT)
    assert amounts.processors(_attributes(NUMERIC, 1043)) is None  # asyncpg answers a Decimal already
    from_float = amounts.processors(_attributes(FLOAT8, 1043))
    assert from_float[0](1.5) == Decimal("1.50") and from_float[1] is None
    assert amounts.processors(_attributes(FLOAT8, 1043)) is from_float  # kept per answered types
    levels = select_shape(select(PROBE.c.level), DIALECT).processors(_attributes(1043))
    assert levels[0]("line") is Level.line


def test_rows_read_by_attribute_key_and_position_and_unpack_as_a_tuple():
    shape = select_shape(select(PROBE.c.id, PROBE.c.name, PROBE.c.amount), DIALECT)
    row = shape.row._make(("i", "n", Decimal("1.00")))
    assert (row.id, row["name"], row[2], row[-1], row[:2]) == ("i", "n", Decimal("1.00"), Decimal("1.00"), ("i", "n"))
    assert tuple(row) == ("i", "n", Decimal("1.00")) and row == ("i", "n", Decimal("1.00"))
    assert row._asdict() == {"id": "i", "name": "n", "amount": Decimal("1.00")}
    with pytest.raises(KeyError):
        row["count"]  # a key, not the tuple's method



def test_a_text_naming_its_columns_binds_by_name_in_dollar_order_and_keeps_untyped_values_as_answered():
    known = text("SELECT id, name FROM probe WHERE id = ANY(CAST(:ids AS uuid[])) AND rank > :rank") \
        .columns(column("id"), column("name"))
    shape = select_shape(known, DIALECT)
    assert shape.sql == "SELECT id, name FROM probe WHERE id = ANY(CAST($1 AS uuid[])) AND rank > $2"
    assert shape.arguments({"rank": 3, "ids": ["a"]}) == [["a"], 3]
    assert shape.processors(_attributes(NUMERIC, FLOAT8)) is None  # untyped: as asyncpg decodes them
    assert shape.row._make(("i", "n")).name == "n"


def test_a_text_expanding_a_list_per_call_is_refused():
    with pytest.raises(ValueError, match="any_bound"):
        select_shape(text("SELECT id FROM probe WHERE id IN :ids").bindparams(bindparam("ids", expanding=True))
                     .columns(column("id")), DIALECT)
TEXT_BY_IDS = text("SELECT id, amount, level FROM probe WHERE id = ANY(CAST(:ids AS uuid[])) AND rank > :rank").columns(
    PROBE.c.id, PROBE.c.amount, PROBE.c.level)


def test_a_text_select_is_the_dialects_compilation_typed_by_the_columns_it_declares():
    shape = select_shape(TEXT_BY_IDS, DIALECT)
    assert shape.sql == TEXT_BY_IDS.compile(dialect=DIALECT).string
    assert "ANY(CAST($1 AS uuid[])) AND rank > $2" in shape.sql
    assert shape.arguments({"ids": ["a"], "rank": 3}) == [["a"], 3]
    assert shape.row._fields == ("id", "amount", "level")
    processors = shape.processors(_attributes(2950, FLOAT8, 1043))
    assert processors[0] is None and processors[1](1.5) == Decimal("1.50") and processors[2]("claim") is Level.claim


ARRAYS = Table("arrays", MetaData(), Column("codes", ARRAY(String)), Column("pairs", ARRAY(String, as_tuple=True)),
               Column("kinds", ARRAY(Enum("open", "closed", native_enum=False, name="arrays_kind"))),
               Column("levels", ARRAY(Enum(Level, name="arrays_level"))), Column("days", ARRAY(Date, dimensions=2)))
TEXT_ARRAY, DATE_ARRAY = 1009, 1182
_Answered = namedtuple("_Answered", "name type")
_Type = namedtuple("_Type", "oid name kind schema")


def _answered(*oids):
    """A prepared statement's attributes as asyncpg answers them: a tuple of named tuples, hashable."""
    return tuple(_Answered(f"c{n}", _Type(oid, "t", "scalar", "pg_catalog")) for n, oid in enumerate(oids))


def test_an_array_whose_items_have_no_processor_is_answered_as_asyncpg_answers_it_and_others_processed():
    shape = select_shape(select(ARRAYS), DIALECT)
    processors = shape.processors(_attributes(TEXT_ARRAY, TEXT_ARRAY, TEXT_ARRAY, TEXT_ARRAY, DATE_ARRAY))
    codes, pairs, kinds, levels, days = processors
    assert codes is None and days is None  # they only copied the lists into new lists
    assert pairs(["a", "b"]) == ("a", "b")  # tuples asked for: kept
    assert kinds(["open"]) == ["open"] and levels(["line"]) == [Level.line]  # items with processors: kept
    with pytest.raises(LookupError):
        kinds(["void"])


def test_rows_map_each_processed_column_through_its_processor_and_leave_the_others_as_answered():
    shape = select_shape(select(PROBE.c.id, PROBE.c.amount, PROBE.c.level, PROBE.c.name), DIALECT)
    answered = _answered(2950, FLOAT8, 1043, 1043)
    codes = ["x"]
    rows = shape.rows([("i", 1.5, "line", codes), ("j", None, "claim", None)], answered)
    assert rows == [("i", Decimal("1.50"), Level.line, codes), ("j", None, Level.claim, None)]
    assert [type(row) for row in rows] == [shape.row, shape.row] and rows[0].level is Level.line
    assert rows[0][3] is codes and rows[1]["amount"] is None and rows[0][1:3] == (Decimal("1.50"), Level.line)
    assert shape.rows([], answered) == []
    unprocessed = shape.rows([("i", Decimal("2.00"), None, "n")], _answered(2950, NUMERIC, 25, 25))
    assert unprocessed == [("i", Decimal("2.00"), None, "n")] and type(unprocessed[0]) is shape.row
    with pytest.raises(TypeError):
        unprocessed[0][1.5]  # neither a position nor a key
