from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AppealDenial")


@_attrs_define
class AppealDenial:
    """
    Attributes:
        enclosures (list[str] | Unset):
        note (str | Unset):  Default: ''.
    """

    enclosures: list[str] | Unset = UNSET
    note: str | Unset = ""
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        enclosures: list[str] | Unset = UNSET
        if not isinstance(self.enclosures, Unset):
            enclosures = self.enclosures

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if enclosures is not UNSET:
            field_dict["enclosures"] = enclosures
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        enclosures = cast(list[str], d.pop("enclosures", UNSET))

        note = d.pop("note", UNSET)

        appeal_denial = cls(
            enclosures=enclosures,
            note=note,
        )

        appeal_denial.additional_properties = d
        return appeal_denial

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
