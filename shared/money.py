"""Money as Decimal, never float: two decimal places, half-up rounding as payers and X12 use."""
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from typing import Annotated

from pydantic import BeforeValidator, PlainSerializer

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
LARGEST_AMOUNT = Decimal("9999999999.99")  # what a NUMERIC(12, 2) column holds


def to_money(value: object) -> Decimal:
    """Convert a str/int/Decimal to a cent-exact Decimal; floats are refused to keep binary error out."""
    if isinstance(value, float):
        raise TypeError("money must not be a float; pass a string or Decimal")
    if isinstance(value, bool):
        raise TypeError("money must be a number")
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except InvalidOperation as exc:
        raise ValueError(f"not a money amount: {value!r}") from exc
    if not amount.is_finite():
        raise ValueError("money must be finite")
    try:
        return amount.quantize(CENT, rounding=ROUND_HALF_UP)
    except InvalidOperation as exc:  # more digits than Decimal's context holds: a ValueError, so a 422
        raise ValueError("money amount has too many digits") from exc


def _parse_money(value: object) -> Decimal:
    # JSON numbers arrive as float through some parsers; accept them only via their repr, which
    # is exact for the two-decimal values money takes (0.1 -> "0.1").
    if type(value) is str:
        return _money_of_text(value)
    if isinstance(value, float):
        value = repr(value)
    return to_money(value)


@lru_cache(maxsize=4096)
def _money_of_text(text: str) -> Decimal:
    """`to_money` of an amount as JSON carries it, remembered: an event's amounts are a few fee-schedule
    and payment figures that recur, and the checks and the rounding cost more than the look-up. A Decimal
    is immutable, so the one kept is as good as a new one; an amount refused is not kept."""
    return to_money(text)


Money = Annotated[Decimal, BeforeValidator(_parse_money), PlainSerializer(lambda d: str(d), return_type=str, when_used="json")]
"""A pydantic field type: accepts "12.50", 12.5 or Decimal, stores Decimal, serializes as a JSON string."""


def format_x12_amount(amount: Decimal) -> str:
    """X12 R-type amount: no trailing zeros beyond what is needed ("100", "12.5", "0")."""
    if type(amount) is Decimal and amount.is_finite():  # hashable; anything else takes to_money's refusals
        return _x12_amount_of_decimal(amount)
    return _x12_amount(amount)


@lru_cache(maxsize=4096)
def _x12_amount_of_decimal(amount: Decimal) -> str:
    """The text of an amount, remembered: a file's charges and payments are a few fee-schedule figures that
    recur. Equal Decimals (12.5, 12.50) round to the same cents, so one text serves them all."""
    return _x12_amount(amount)


def _x12_amount(amount: Decimal) -> str:
    normalized = to_money(amount).normalize()
    text = format(normalized, "f")
    return "0" if text in ("-0", "0") else text
