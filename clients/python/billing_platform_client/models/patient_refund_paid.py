from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="PatientRefundPaid")


@_attrs_define
class PatientRefundPaid:
    """
    Attributes:
        amount (str):
        method (str):
        patient_id (str):
        reference (str):
        refund_id (UUID):
        refunded_on (datetime.date):
        replayed (bool):
    """

    amount: str
    method: str
    patient_id: str
    reference: str
    refund_id: UUID
    refunded_on: datetime.date
    replayed: bool

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        method = self.method

        patient_id = self.patient_id

        reference = self.reference

        refund_id = str(self.refund_id)

        refunded_on = self.refunded_on.isoformat()

        replayed = self.replayed

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "method": method,
                "patient_id": patient_id,
                "reference": reference,
                "refund_id": refund_id,
                "refunded_on": refunded_on,
                "replayed": replayed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        method = d.pop("method")

        patient_id = d.pop("patient_id")

        reference = d.pop("reference")

        refund_id = UUID(d.pop("refund_id"))

        refunded_on = datetime.date.fromisoformat(d.pop("refunded_on"))

        replayed = d.pop("replayed")

        patient_refund_paid = cls(
            amount=amount,
            method=method,
            patient_id=patient_id,
            reference=reference,
            refund_id=refund_id,
            refunded_on=refunded_on,
            replayed=replayed,
        )

        return patient_refund_paid
