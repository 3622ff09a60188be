from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.deposit_recorded_method import DepositRecordedMethod

T = TypeVar("T", bound="DepositRecorded")


@_attrs_define
class DepositRecorded:
    """
    Attributes:
        amount (str):
        deposit_id (UUID):
        deposited_on (datetime.date):
        method (DepositRecordedMethod):
        trace_number (str):
    """

    amount: str
    deposit_id: UUID
    deposited_on: datetime.date
    method: DepositRecordedMethod
    trace_number: str

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        deposit_id = str(self.deposit_id)

        deposited_on = self.deposited_on.isoformat()

        method = self.method.value

        trace_number = self.trace_number

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "deposit_id": deposit_id,
                "deposited_on": deposited_on,
                "method": method,
                "trace_number": trace_number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        deposit_id = UUID(d.pop("deposit_id"))

        deposited_on = datetime.date.fromisoformat(d.pop("deposited_on"))

        method = DepositRecordedMethod(d.pop("method"))

        trace_number = d.pop("trace_number")

        deposit_recorded = cls(
            amount=amount,
            deposit_id=deposit_id,
            deposited_on=deposited_on,
            method=method,
            trace_number=trace_number,
        )

        return deposit_recorded
