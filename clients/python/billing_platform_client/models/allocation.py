from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="Allocation")


@_attrs_define
class Allocation:
    """The part of a patient payment applied to one claim.

    Attributes:
        amount (str):
        claim_id (UUID):
    """

    amount: str
    claim_id: UUID

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        claim_id = str(self.claim_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "claim_id": claim_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        claim_id = UUID(d.pop("claim_id"))

        allocation = cls(
            amount=amount,
            claim_id=claim_id,
        )

        return allocation
