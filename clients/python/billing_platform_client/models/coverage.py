from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.relationship import Relationship
from ..types import UNSET, Unset

T = TypeVar("T", bound="Coverage")


@_attrs_define
class Coverage:
    """
    Attributes:
        member_id (str):
        payer_id (str):
        group_number (None | str | Unset):
        relationship (Relationship | Unset): Patient's relationship to the subscriber, as X12 SBR02/PAT01 name it.
    """

    member_id: str
    payer_id: str
    group_number: None | str | Unset = UNSET
    relationship: Relationship | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        member_id = self.member_id

        payer_id = self.payer_id

        group_number: None | str | Unset
        if isinstance(self.group_number, Unset):
            group_number = UNSET
        else:
            group_number = self.group_number

        relationship: str | Unset = UNSET
        if not isinstance(self.relationship, Unset):
            relationship = self.relationship.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "member_id": member_id,
                "payer_id": payer_id,
            }
        )
        if group_number is not UNSET:
            field_dict["group_number"] = group_number
        if relationship is not UNSET:
            field_dict["relationship"] = relationship

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        member_id = d.pop("member_id")

        payer_id = d.pop("payer_id")

        def _parse_group_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        group_number = _parse_group_number(d.pop("group_number", UNSET))

        _relationship = d.pop("relationship", UNSET)
        relationship: Relationship | Unset
        if isinstance(_relationship, Unset):
            relationship = UNSET
        else:
            relationship = Relationship(_relationship)

        coverage = cls(
            member_id=member_id,
            payer_id=payer_id,
            group_number=group_number,
            relationship=relationship,
        )

        coverage.additional_properties = d
        return coverage

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
