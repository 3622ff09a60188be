"""A column's values as one array literal: every value quoted, quotes and backslashes escaped, None as NULL, and
each type in the text form Postgres reads back to the value given."""
import uuid
from decimal import Decimal

import pytest

from shared.db.array_literals import array_literal, bool_text, printed_text

pytestmark = pytest.mark.unit


def test_texts_are_quoted_and_none_is_null_while_the_string_null_stays_a_string():
    assert array_literal(["ar:insurance", None, "NULL", "", " a b "]) == '{"ar:insurance",NULL,"NULL",""," a b "}'


def test_quotes_and_backslashes_are_escaped_and_braces_commas_and_spaces_kept():
    assert array_literal(['OA-"\\{,} x', None, "CO-45"]) == '{"OA-\\"\\\\{,} x",NULL,"CO-45"}'


def test_unicode_and_json_texts_are_kept_as_they_are():
    assert array_literal(["é—✓", '{"a": [1, "x"]}']) == '{"é—✓","{\\"a\\": [1, \\"x\\"]}"}'


def test_no_values_is_an_empty_array():
    assert array_literal([]) == "{}" and array_literal([], printed_text) == "{}"


def test_numbers_and_uuids_are_written_as_they_print():
    ids = [uuid.UUID(int=1), None]
    assert array_literal([1, None, -12], printed_text) == '{"1",NULL,"-12"}'
    amounts = [Decimal("-12.50"), Decimal("0.00"), Decimal("1E+2")]
    assert array_literal(amounts, printed_text) == '{"-12.50","0.00","1E+2"}'
    assert array_literal(ids, printed_text) == '{"00000000-0000-0000-0000-000000000001",NULL}'




def test_booleans_are_t_and_f():
    assert array_literal([True, None, False], bool_text) == '{"t",NULL,"f"}'
