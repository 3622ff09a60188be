from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.aging_row_buckets import AgingRowBuckets


T = TypeVar("T", bound="AgingRow")


@_attrs_define
class AgingRow:
    """
    Attributes:
        amount (str):
        buckets (AgingRowBuckets):
        count (int):
    """

    amount: str
    buckets: AgingRowBuckets
    count: int

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        buckets = self.buckets.to_dict()

        count = self.count

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "buckets": buckets,
                "count": count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.aging_row_buckets import AgingRowBuckets

        d = dict(src_dict)
        amount = d.pop("amount")

        buckets = AgingRowBuckets.from_dict(d.pop("buckets"))

        count = d.pop("count")

        aging_row = cls(
            amount=amount,
            buckets=buckets,
            count=count,
        )

        return aging_row
