from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="ClaimLineOut")


@_attrs_define
class ClaimLineOut:
    """
    Attributes:
        charge (str):
        date_of_service (datetime.date):
        line_number (int):
        modifiers (list[str]):
        procedure_code (str):
        units (int):
    """

    charge: str
    date_of_service: datetime.date
    line_number: int
    modifiers: list[str]
    procedure_code: str
    units: int

    def to_dict(self) -> dict[str, Any]:
        charge = self.charge

        date_of_service = self.date_of_service.isoformat()

        line_number = self.line_number

        modifiers = self.modifiers

        procedure_code = self.procedure_code

        units = self.units

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "charge": charge,
                "date_of_service": date_of_service,
                "line_number": line_number,
                "modifiers": modifiers,
                "procedure_code": procedure_code,
                "units": units,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        charge = d.pop("charge")

        date_of_service = datetime.date.fromisoformat(d.pop("date_of_service"))

        line_number = d.pop("line_number")

        modifiers = cast(list[str], d.pop("modifiers"))

        procedure_code = d.pop("procedure_code")

        units = d.pop("units")

        claim_line_out = cls(
            charge=charge,
            date_of_service=date_of_service,
            line_number=line_number,
            modifiers=modifiers,
            procedure_code=procedure_code,
            units=units,
        )

        return claim_line_out
