from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CorrectedProcedure")


@_attrs_define
class CorrectedProcedure:
    """
    Attributes:
        code (str):
        diagnosis_pointers (list[int] | Unset):
        modifiers (list[str] | Unset):
        units (int | Unset):  Default: 1.
    """

    code: str
    diagnosis_pointers: list[int] | Unset = UNSET
    modifiers: list[str] | Unset = UNSET
    units: int | Unset = 1
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        diagnosis_pointers: list[int] | Unset = UNSET
        if not isinstance(self.diagnosis_pointers, Unset):
            diagnosis_pointers = self.diagnosis_pointers

        modifiers: list[str] | Unset = UNSET
        if not isinstance(self.modifiers, Unset):
            modifiers = self.modifiers

        units = self.units

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
            }
        )
        if diagnosis_pointers is not UNSET:
            field_dict["diagnosis_pointers"] = diagnosis_pointers
        if modifiers is not UNSET:
            field_dict["modifiers"] = modifiers
        if units is not UNSET:
            field_dict["units"] = units

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        code = d.pop("code")

        diagnosis_pointers = cast(list[int], d.pop("diagnosis_pointers", UNSET))

        modifiers = cast(list[str], d.pop("modifiers", UNSET))

        units = d.pop("units", UNSET)

        corrected_procedure = cls(
            code=code,
            diagnosis_pointers=diagnosis_pointers,
            modifiers=modifiers,
            units=units,
        )

        corrected_procedure.additional_properties = d
        return corrected_procedure

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
