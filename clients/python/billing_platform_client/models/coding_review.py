from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.reviewed_procedure import ReviewedProcedure


T = TypeVar("T", bound="CodingReview")


@_attrs_define
class CodingReview:
    """The final codes and why; clean codes release the encounter as a claim.

    Attributes:
        diagnoses (list[str]):
        procedures (list[ReviewedProcedure]):
        reason (str):
    """

    diagnoses: list[str]
    procedures: list[ReviewedProcedure]
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        diagnoses = self.diagnoses

        procedures = []
        for procedures_item_data in self.procedures:
            procedures_item = procedures_item_data.to_dict()
            procedures.append(procedures_item)

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "diagnoses": diagnoses,
                "procedures": procedures,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.reviewed_procedure import ReviewedProcedure

        d = dict(src_dict)
        diagnoses = cast(list[str], d.pop("diagnoses"))

        procedures = []
        _procedures = d.pop("procedures")
        for procedures_item_data in _procedures:
            procedures_item = ReviewedProcedure.from_dict(procedures_item_data)

            procedures.append(procedures_item)

        reason = d.pop("reason")

        coding_review = cls(
            diagnoses=diagnoses,
            procedures=procedures,
            reason=reason,
        )

        coding_review.additional_properties = d
        return coding_review

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
