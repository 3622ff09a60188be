from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Preventable")


@_attrs_define
class Preventable:
    """
    Attributes:
        amount (float):
        denials (int):
        share (float | None):
    """

    amount: float
    denials: int
    share: float | None

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        denials = self.denials

        share: float | None
        share = self.share

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "denials": denials,
                "share": share,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        denials = d.pop("denials")

        def _parse_share(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        share = _parse_share(d.pop("share"))

        preventable = cls(
            amount=amount,
            denials=denials,
            share=share,
        )

        return preventable
