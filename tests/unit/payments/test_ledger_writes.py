"""The ledger entries' columns as array literals: every text quoted and escaped, numbers as they print, None as
NULL."""
from decimal import Decimal

import pytest

from services.payments.adapters.ledger_writes import array_literal

pytestmark = pytest.mark.unit


def test_texts_are_quoted_and_none_is_null():
    assert array_literal(["ar:insurance", None, "NULL", "", " a b "]) == '{"ar:insurance",NULL,"NULL",""," a b "}'


def test_quotes_and_backslashes_are_escaped_and_the_rest_kept():
    assert array_literal(['OA-"\\{,}', None, "CO-45"]) == '{"OA-\\"\\\\{,}",NULL,"CO-45"}'


def test_numbers_are_written_as_they_print():
    assert array_literal([1, None, 12], texts=False) == "{1,NULL,12}"
    assert array_literal([Decimal("-12.50"), Decimal("0.00")], texts=False) == "{-12.50,0.00}"


def test_no_values_is_an_empty_array():
    assert array_literal([]) == "{}" and array_literal([], texts=False) == "{}"
