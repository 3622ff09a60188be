from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.refund_overpayment_method import RefundOverpaymentMethod
from ..types import UNSET, Unset

T = TypeVar("T", bound="RefundOverpayment")


@_attrs_define
class RefundOverpayment:
    """
    Attributes:
        method (RefundOverpaymentMethod):
        reference (str): The refund check or transfer number sent to the payer.
        refunded_on (datetime.date | None | Unset): The day it was paid; today (UTC) when left out.
    """

    method: RefundOverpaymentMethod
    reference: str
    refunded_on: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        method = self.method.value

        reference = self.reference

        refunded_on: None | str | Unset
        if isinstance(self.refunded_on, Unset):
            refunded_on = UNSET
        elif isinstance(self.refunded_on, datetime.date):
            refunded_on = self.refunded_on.isoformat()
        else:
            refunded_on = self.refunded_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "method": method,
                "reference": reference,
            }
        )
        if refunded_on is not UNSET:
            field_dict["refunded_on"] = refunded_on

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        method = RefundOverpaymentMethod(d.pop("method"))

        reference = d.pop("reference")

        def _parse_refunded_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                refunded_on_type_0 = datetime.date.fromisoformat(data)

                return refunded_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        refunded_on = _parse_refunded_on(d.pop("refunded_on", UNSET))

        refund_overpayment = cls(
            method=method,
            reference=reference,
            refunded_on=refunded_on,
        )

        refund_overpayment.additional_properties = d
        return refund_overpayment

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
