from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.suspense_item_kind import SuspenseItemKind
from ..models.suspense_item_status import SuspenseItemStatus

T = TypeVar("T", bound="SuspenseItem")


@_attrs_define
class SuspenseItem:
    """
    Attributes:
        claim_id (None | UUID):
        created_at (datetime.datetime | None):
        id (int):
        kind (SuspenseItemKind): payment or write_off: waiting for its claim; correction: a later payer's claim to void,
            or a crossover payment to watch, after its primary claim was replaced or voided (worked by a person, then
            closed; a crossover payer's reversal closes it); overpayment: a payer paid after its claim was voided, the money
            is owed back to it (refund it, or ask for the payer's reversal, which closes the item)
        paid (None | str):
        patient_control_number (str):
        reason (str):
        remit_id (UUID): The remittance, the denial for a write-off, or the correcting claim
        resolution (None | str):
        resolved_at (datetime.datetime | None):
        status (SuspenseItemStatus):
    """

    claim_id: None | UUID
    created_at: datetime.datetime | None
    id: int
    kind: SuspenseItemKind
    paid: None | str
    patient_control_number: str
    reason: str
    remit_id: UUID
    resolution: None | str
    resolved_at: datetime.datetime | None
    status: SuspenseItemStatus

    def to_dict(self) -> dict[str, Any]:
        claim_id: None | str
        if isinstance(self.claim_id, UUID):
            claim_id = str(self.claim_id)
        else:
            claim_id = self.claim_id

        created_at: None | str
        if isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        id = self.id

        kind = self.kind.value

        paid: None | str
        paid = self.paid

        patient_control_number = self.patient_control_number

        reason = self.reason

        remit_id = str(self.remit_id)

        resolution: None | str
        resolution = self.resolution

        resolved_at: None | str
        if isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "claim_id": claim_id,
                "created_at": created_at,
                "id": id,
                "kind": kind,
                "paid": paid,
                "patient_control_number": patient_control_number,
                "reason": reason,
                "remit_id": remit_id,
                "resolution": resolution,
                "resolved_at": resolved_at,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_claim_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                claim_id_type_0 = UUID(data)

                return claim_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        claim_id = _parse_claim_id(d.pop("claim_id"))

        def _parse_created_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        created_at = _parse_created_at(d.pop("created_at"))

        id = d.pop("id")

        kind = SuspenseItemKind(d.pop("kind"))

        def _parse_paid(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        paid = _parse_paid(d.pop("paid"))

        patient_control_number = d.pop("patient_control_number")

        reason = d.pop("reason")

        remit_id = UUID(d.pop("remit_id"))

        def _parse_resolution(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        resolution = _parse_resolution(d.pop("resolution"))

        def _parse_resolved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at"))

        status = SuspenseItemStatus(d.pop("status"))

        suspense_item = cls(
            claim_id=claim_id,
            created_at=created_at,
            id=id,
            kind=kind,
            paid=paid,
            patient_control_number=patient_control_number,
            reason=reason,
            remit_id=remit_id,
            resolution=resolution,
            resolved_at=resolved_at,
            status=status,
        )

        return suspense_item
