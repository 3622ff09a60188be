from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.allocation import Allocation
    from ..models.credit_held import CreditHeld


T = TypeVar("T", bound="PatientPaymentPosted")


@_attrs_define
class PatientPaymentPosted:
    """
    Attributes:
        allocations (list[Allocation | CreditHeld]): How the payment was split over the patient's claims, oldest balance
            first; the rest is held as credit
        amount (str):
        method (str):
        patient_id (str):
        payment_id (UUID):
        received_on (datetime.date):
        reference (str):
        replayed (bool): True when this reference had already been posted (nothing new posted)
    """

    allocations: list[Allocation | CreditHeld]
    amount: str
    method: str
    patient_id: str
    payment_id: UUID
    received_on: datetime.date
    reference: str
    replayed: bool

    def to_dict(self) -> dict[str, Any]:
        from ..models.allocation import Allocation

        allocations = []
        for allocations_item_data in self.allocations:
            allocations_item: dict[str, Any]
            if isinstance(allocations_item_data, Allocation):
                allocations_item = allocations_item_data.to_dict()
            else:
                allocations_item = allocations_item_data.to_dict()

            allocations.append(allocations_item)

        amount = self.amount

        method = self.method

        patient_id = self.patient_id

        payment_id = str(self.payment_id)

        received_on = self.received_on.isoformat()

        reference = self.reference

        replayed = self.replayed

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "allocations": allocations,
                "amount": amount,
                "method": method,
                "patient_id": patient_id,
                "payment_id": payment_id,
                "received_on": received_on,
                "reference": reference,
                "replayed": replayed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.allocation import Allocation
        from ..models.credit_held import CreditHeld

        d = dict(src_dict)
        allocations = []
        _allocations = d.pop("allocations")
        for allocations_item_data in _allocations:

            def _parse_allocations_item(data: object) -> Allocation | CreditHeld:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    allocations_item_type_0 = Allocation.from_dict(data)

                    return allocations_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                allocations_item_type_1 = CreditHeld.from_dict(data)

                return allocations_item_type_1

            allocations_item = _parse_allocations_item(allocations_item_data)

            allocations.append(allocations_item)

        amount = d.pop("amount")

        method = d.pop("method")

        patient_id = d.pop("patient_id")

        payment_id = UUID(d.pop("payment_id"))

        received_on = datetime.date.fromisoformat(d.pop("received_on"))

        reference = d.pop("reference")

        replayed = d.pop("replayed")

        patient_payment_posted = cls(
            allocations=allocations,
            amount=amount,
            method=method,
            patient_id=patient_id,
            payment_id=payment_id,
            received_on=received_on,
            reference=reference,
            replayed=replayed,
        )

        return patient_payment_posted
