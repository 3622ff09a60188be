from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="DenialShare")


@_attrs_define
class DenialShare:
    """
    Attributes:
        amount (float):
        denials (int):
        key (str):
    """

    amount: float
    denials: int
    key: str

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        denials = self.denials

        key = self.key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "denials": denials,
                "key": key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        denials = d.pop("denials")

        key = d.pop("key")

        denial_share = cls(
            amount=amount,
            denials=denials,
            key=key,
        )

        return denial_share
