from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="RemitPayment")


@_attrs_define
class RemitPayment:
    """
    Attributes:
        amount (str):
        payer_id (str):
        remit_id (UUID):
        trace_number (str):
    """

    amount: str
    payer_id: str
    remit_id: UUID
    trace_number: str

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        payer_id = self.payer_id

        remit_id = str(self.remit_id)

        trace_number = self.trace_number

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "payer_id": payer_id,
                "remit_id": remit_id,
                "trace_number": trace_number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        payer_id = d.pop("payer_id")

        remit_id = UUID(d.pop("remit_id"))

        trace_number = d.pop("trace_number")

        remit_payment = cls(
            amount=amount,
            payer_id=payer_id,
            remit_id=remit_id,
            trace_number=trace_number,
        )

        return remit_payment
