"""The ledger entries' columns as array literals: every value quoted and escaped, None as NULL."""
from decimal import Decimal

import pytest

from services.payments.adapters.ledger_writes import array_literal

pytestmark = pytest.mark.unit


def test_values_are_quoted_and_none_is_null():
    assert array_literal(["ar:insurance", None, 3, Decimal("-12.50")]) == '{"ar:insurance",NULL,"3","-12.50"}'


def test_quotes_and_backslashes_are_escaped_and_the_rest_kept():
    assert array_literal(['OA-"\\{,}', "NULL", "", " a b "]) == '{"OA-\\"\\\\{,}","NULL",""," a b "}'


def test_no_values_is_an_empty_array():
    assert array_literal([]) == "{}"
