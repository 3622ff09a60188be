from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreditHeld")


@_attrs_define
class CreditHeld:
    """The part of a patient payment beyond what the patient owes, held as credit for later charges.

    Attributes:
        credit (str):
        claim_id (None | Unset):
    """

    credit: str
    claim_id: None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        credit = self.credit

        claim_id = self.claim_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "credit": credit,
            }
        )
        if claim_id is not UNSET:
            field_dict["claim_id"] = claim_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        credit = d.pop("credit")

        claim_id = d.pop("claim_id", UNSET)

        credit_held = cls(
            credit=credit,
            claim_id=claim_id,
        )

        return credit_held
