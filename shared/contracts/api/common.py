"""Building blocks of the response models: the strict base, money and decimals as the API writes them."""
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, PlainSerializer

from shared.money import Money

__all__ = ["ApiModel", "Money", "DecimalText", "DecimalNumber", "Timestamp", "TimelineEntry", "date"]


class ApiModel(BaseModel):
    """A response body: every field declared, so the document says all a client will read."""

    model_config = ConfigDict(extra="forbid")


def _as_json_number(value: Decimal) -> int | float:
    """What the API wrote for a Decimal before it was typed: an integer when whole, else a float."""
    return int(value) if value == value.to_integral_value() and value.as_tuple().exponent >= 0 else float(value)


DecimalText = Annotated[Decimal, PlainSerializer(str, return_type=str, when_used="json")]
"""A figure that is not money (a rate, a day count) kept exact as a JSON string, e.g. "0.1250"."""

DecimalNumber = Annotated[Decimal, PlainSerializer(_as_json_number, return_type=float, when_used="json")]
"""A figure the analytics have always answered as a JSON number."""

Timestamp = AwareDatetime
"""An instant, always with its offset (UTC)."""


class TimelineEntry(ApiModel):
    at: Timestamp
    service: str = Field(examples=["claims"])
    event: str = Field(examples=["submitted"])
    status: str | None = None
    detail: Any = None
