"""Every column type the batch writes bind as text, an array literal (shared/db/array_literals.py), parses in
Postgres to the array the driver builds from the same values bound as a list: compared as the server prints them."""
import uuid
from decimal import Decimal

import asyncpg
import pytest

from shared.db.array_literals import array_literal, bool_text, printed_text

TRICKY_TEXTS = ["plain", None, "NULL", "null", "", '"\\{}, ', "  spaced  ", "é—✓\n\ttab", "a,b", "{x}", "\\"]
CASES = [
    ("uuid", [uuid.UUID(int=1), None, uuid.uuid4(), str(uuid.UUID(int=2))], printed_text),
    ("text", TRICKY_TEXTS, None),
    ("varchar", TRICKY_TEXTS, None),
    ("int2", [0, -32768, 32767, None], printed_text),
    ("int4", [1, None, -2147483648, 2147483647], printed_text),
    ("int8", [2 ** 62, None, -1], printed_text),
    ("numeric", [Decimal("-12.50"), Decimal("0.00"), Decimal("1E+2"), Decimal("1.0E-7"), None,
                 Decimal("123456789012345.123456"), Decimal("-0"), Decimal("NaN")], printed_text),
    ("float8", [0.1, 1e-300, -0.0, 2.0 ** 60, float("inf"), float("-inf"), float("nan"), None], printed_text),
    ("bool", [True, False, None], bool_text),
    ("jsonb", ['{"a": [1, "x"], "b": "q\\"uote"}', "null", '"é"', None, "[]"], None),
    ("json", ['{"b": 1,  "a": "{,}"}', "null", None], None),
]


@pytest.fixture
async def connection(infrastructure):
    connection = await asyncpg.connect(infrastructure.database_url)
    yield connection
    await connection.close()


@pytest.mark.parametrize("sql_type, values, element_text", CASES, ids=[case[0] for case in CASES])
async def test_a_literal_parses_to_the_array_the_driver_builds_from_the_list(connection, sql_type, values,
                                                                             element_text):
    as_list, as_literal = await connection.fetchrow(
        f"SELECT CAST(CAST($1 AS {sql_type}[]) AS text), CAST(CAST(CAST($2 AS text) AS {sql_type}[]) AS text)",
        values, array_literal(values, element_text))
    assert as_literal == as_list


async def test_an_empty_list_is_an_empty_array(connection):
    assert await connection.fetchval("SELECT cardinality(CAST(CAST($1 AS text) AS uuid[]))", array_literal([])) == 0


async def test_nulls_stay_nulls_and_the_string_null_a_string(connection):
    nulls = await connection.fetchval("SELECT array_agg(v IS NULL ORDER BY n) FROM unnest(CAST(CAST($1 AS text) "
                                      "AS text[])) WITH ORDINALITY AS t(v, n)", array_literal([None, "NULL", "null"]))
    assert nulls == [True, False, False]
