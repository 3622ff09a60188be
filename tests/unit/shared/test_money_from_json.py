"""A Money field read from JSON text gives what `to_money` gives, the first time and every time after (its
amounts are remembered), and an amount refused is refused every time."""
from decimal import Decimal

import pytest
from pydantic import BaseModel, ValidationError

from shared.money import Money, to_money

pytestmark = pytest.mark.unit

AMOUNTS = ["150.00", "0", "-0", "-12.345", "10.005", " 7.1 ", "1e3", "1E-3", "0.005", "9999999999.99", "1_000"]


class Priced(BaseModel):
    amount: Money


@pytest.mark.parametrize("text", AMOUNTS)
def test_an_amount_read_twice_is_what_to_money_gives(text):
    expected = to_money(text)
    for _ in range(2):
        amount = Priced.model_validate_json(f'{{"amount": "{text}"}}').amount
        assert (amount, str(amount), amount.as_tuple()) == (expected, str(expected), expected.as_tuple())


@pytest.mark.parametrize("text", ["NaN", "Infinity", "abc", "", "9" * 30])
def test_an_amount_refused_is_refused_every_time(text):
    for _ in range(2):
        with pytest.raises(ValidationError):
            Priced.model_validate_json(f'{{"amount": "{text}"}}')


def test_text_of_a_str_subclass_reads_as_its_value():
    class Text(str):
        pass

    assert Priced(amount=Text("12.5")).amount == Decimal("12.50")
