from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="PatientClaim")


@_attrs_define
class PatientClaim:
    """
    Attributes:
        balance (str):
        charge (str):
        claim_id (UUID):
        coinsurance (str):
        copay (str):
        date_of_service (datetime.date | None):
        deductible (str):
        other (str):
        other_payers_paid (str):
        patient_paid (str):
        payer_id (str):
    """

    balance: str
    charge: str
    claim_id: UUID
    coinsurance: str
    copay: str
    date_of_service: datetime.date | None
    deductible: str
    other: str
    other_payers_paid: str
    patient_paid: str
    payer_id: str

    def to_dict(self) -> dict[str, Any]:
        balance = self.balance

        charge = self.charge

        claim_id = str(self.claim_id)

        coinsurance = self.coinsurance

        copay = self.copay

        date_of_service: None | str
        if isinstance(self.date_of_service, datetime.date):
            date_of_service = self.date_of_service.isoformat()
        else:
            date_of_service = self.date_of_service

        deductible = self.deductible

        other = self.other

        other_payers_paid = self.other_payers_paid

        patient_paid = self.patient_paid

        payer_id = self.payer_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "balance": balance,
                "charge": charge,
                "claim_id": claim_id,
                "coinsurance": coinsurance,
                "copay": copay,
                "date_of_service": date_of_service,
                "deductible": deductible,
                "other": other,
                "other_payers_paid": other_payers_paid,
                "patient_paid": patient_paid,
                "payer_id": payer_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        balance = d.pop("balance")

        charge = d.pop("charge")

        claim_id = UUID(d.pop("claim_id"))

        coinsurance = d.pop("coinsurance")

        copay = d.pop("copay")

        def _parse_date_of_service(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                date_of_service_type_0 = datetime.date.fromisoformat(data)

                return date_of_service_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        date_of_service = _parse_date_of_service(d.pop("date_of_service"))

        deductible = d.pop("deductible")

        other = d.pop("other")

        other_payers_paid = d.pop("other_payers_paid")

        patient_paid = d.pop("patient_paid")

        payer_id = d.pop("payer_id")

        patient_claim = cls(
            balance=balance,
            charge=charge,
            claim_id=claim_id,
            coinsurance=coinsurance,
            copay=copay,
            date_of_service=date_of_service,
            deductible=deductible,
            other=other,
            other_payers_paid=other_payers_paid,
            patient_paid=patient_paid,
            payer_id=payer_id,
        )

        return patient_claim
