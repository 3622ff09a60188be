from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ClaimBalance")


@_attrs_define
class ClaimBalance:
    """
    Attributes:
        adjustments (str):
        balance (str): charge - paid - adjustments - patient responsibility
        charge (str):
        claim_id (UUID):
        closed (bool):
        consistent (bool):
        ledger_balance (str):
        paid (str):
        patient_responsibility (str):
    """

    adjustments: str
    balance: str
    charge: str
    claim_id: UUID
    closed: bool
    consistent: bool
    ledger_balance: str
    paid: str
    patient_responsibility: str

    def to_dict(self) -> dict[str, Any]:
        adjustments = self.adjustments

        balance = self.balance

        charge = self.charge

        claim_id = str(self.claim_id)

        closed = self.closed

        consistent = self.consistent

        ledger_balance = self.ledger_balance

        paid = self.paid

        patient_responsibility = self.patient_responsibility

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "adjustments": adjustments,
                "balance": balance,
                "charge": charge,
                "claim_id": claim_id,
                "closed": closed,
                "consistent": consistent,
                "ledger_balance": ledger_balance,
                "paid": paid,
                "patient_responsibility": patient_responsibility,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        adjustments = d.pop("adjustments")

        balance = d.pop("balance")

        charge = d.pop("charge")

        claim_id = UUID(d.pop("claim_id"))

        closed = d.pop("closed")

        consistent = d.pop("consistent")

        ledger_balance = d.pop("ledger_balance")

        paid = d.pop("paid")

        patient_responsibility = d.pop("patient_responsibility")

        claim_balance = cls(
            adjustments=adjustments,
            balance=balance,
            charge=charge,
            claim_id=claim_id,
            closed=closed,
            consistent=consistent,
            ledger_balance=ledger_balance,
            paid=paid,
            patient_responsibility=patient_responsibility,
        )

        return claim_balance
