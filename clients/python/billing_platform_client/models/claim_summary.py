from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ClaimSummary")


@_attrs_define
class ClaimSummary:
    """
    Attributes:
        claim_id (UUID):
        created_at (datetime.datetime):
        encounter_id (UUID):
        frequency_code (str):
        patient_control_number (str):
        payer_claim_number (None | str):
        payer_id (str):
        status (str):
        total_charge (str):
    """

    claim_id: UUID
    created_at: datetime.datetime
    encounter_id: UUID
    frequency_code: str
    patient_control_number: str
    payer_claim_number: None | str
    payer_id: str
    status: str
    total_charge: str

    def to_dict(self) -> dict[str, Any]:
        claim_id = str(self.claim_id)

        created_at = self.created_at.isoformat()

        encounter_id = str(self.encounter_id)

        frequency_code = self.frequency_code

        patient_control_number = self.patient_control_number

        payer_claim_number: None | str
        payer_claim_number = self.payer_claim_number

        payer_id = self.payer_id

        status = self.status

        total_charge = self.total_charge

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "claim_id": claim_id,
                "created_at": created_at,
                "encounter_id": encounter_id,
                "frequency_code": frequency_code,
                "patient_control_number": patient_control_number,
                "payer_claim_number": payer_claim_number,
                "payer_id": payer_id,
                "status": status,
                "total_charge": total_charge,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        claim_id = UUID(d.pop("claim_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        encounter_id = UUID(d.pop("encounter_id"))

        frequency_code = d.pop("frequency_code")

        patient_control_number = d.pop("patient_control_number")

        def _parse_payer_claim_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payer_claim_number = _parse_payer_claim_number(d.pop("payer_claim_number"))

        payer_id = d.pop("payer_id")

        status = d.pop("status")

        total_charge = d.pop("total_charge")

        claim_summary = cls(
            claim_id=claim_id,
            created_at=created_at,
            encounter_id=encounter_id,
            frequency_code=frequency_code,
            patient_control_number=patient_control_number,
            payer_claim_number=payer_claim_number,
            payer_id=payer_id,
            status=status,
            total_charge=total_charge,
        )

        return claim_summary
