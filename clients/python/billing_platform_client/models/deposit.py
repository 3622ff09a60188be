from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.deposit_method import DepositMethod

T = TypeVar("T", bound="Deposit")


@_attrs_define
class Deposit:
    """
    Attributes:
        amount (float | str):
        deposited_on (datetime.date):
        method (DepositMethod):
        trace_number (str): ACH trace or check number (the 835's TRN02).
    """

    amount: float | str
    deposited_on: datetime.date
    method: DepositMethod
    trace_number: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount: float | str
        amount = self.amount

        deposited_on = self.deposited_on.isoformat()

        method = self.method.value

        trace_number = self.trace_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "deposited_on": deposited_on,
                "method": method,
                "trace_number": trace_number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_amount(data: object) -> float | str:
            return cast(float | str, data)

        amount = _parse_amount(d.pop("amount"))

        deposited_on = datetime.date.fromisoformat(d.pop("deposited_on"))

        method = DepositMethod(d.pop("method"))

        trace_number = d.pop("trace_number")

        deposit = cls(
            amount=amount,
            deposited_on=deposited_on,
            method=method,
            trace_number=trace_number,
        )

        deposit.additional_properties = d
        return deposit

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
