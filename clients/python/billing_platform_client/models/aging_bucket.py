from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="AgingBucket")


@_attrs_define
class AgingBucket:
    """
    Attributes:
        amount (str):
        count (int):
    """

    amount: str
    count: int

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        count = self.count

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "count": count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        count = d.pop("count")

        aging_bucket = cls(
            amount=amount,
            count=count,
        )

        return aging_bucket
