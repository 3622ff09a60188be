from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sex import Sex

if TYPE_CHECKING:
    from ..models.address import Address


T = TypeVar("T", bound="Patient")


@_attrs_define
class Patient:
    """
    Attributes:
        address (Address):
        birth_date (datetime.date):
        first_name (str):
        id (str): The practice's patient id (MRN).
        last_name (str):
        sex (Sex):
    """

    address: Address
    birth_date: datetime.date
    first_name: str
    id: str
    last_name: str
    sex: Sex
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        address = self.address.to_dict()

        birth_date = self.birth_date.isoformat()

        first_name = self.first_name

        id = self.id

        last_name = self.last_name

        sex = self.sex.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "address": address,
                "birth_date": birth_date,
                "first_name": first_name,
                "id": id,
                "last_name": last_name,
                "sex": sex,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.address import Address

        d = dict(src_dict)
        address = Address.from_dict(d.pop("address"))

        birth_date = datetime.date.fromisoformat(d.pop("birth_date"))

        first_name = d.pop("first_name")

        id = d.pop("id")

        last_name = d.pop("last_name")

        sex = Sex(d.pop("sex"))

        patient = cls(
            address=address,
            birth_date=birth_date,
            first_name=first_name,
            id=id,
            last_name=last_name,
            sex=sex,
        )

        patient.additional_properties = d
        return patient

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
