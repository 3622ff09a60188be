"""An amount with more digits than Decimal holds is a validation error (a 422), never an ArithmeticError."""
import pytest
from pydantic import BaseModel, ValidationError

from shared.money import Money, to_money

pytestmark = pytest.mark.unit


class Payment(BaseModel):
    amount: Money


def test_too_many_digits_is_a_value_error():
    with pytest.raises(ValueError, match="too many digits"):
        to_money("1" * 40)
    with pytest.raises(ValidationError):
        Payment(amount="9" * 30)
