from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.follow_up_item_payer_status_type_0 import FollowUpItemPayerStatusType0
    from ..models.note import Note


T = TypeVar("T", bound="FollowUpItem")


@_attrs_define
class FollowUpItem:
    """
    Attributes:
        age_days (int):
        amount (str):
        claim_id (UUID):
        days_overdue (int):
        expected_days (int):
        last_note (None | Note):
        next_action_on (datetime.date | None):
        next_inquiry_on (datetime.date | None):
        patient_control_number (str):
        payer_id (str):
        payer_status (FollowUpItemPayerStatusType0 | None):
        priority (str): Larger first: amount weighted by how overdue the claim is
        status (str):
        submitted_at (datetime.datetime):
        suggested_action (str):
    """

    age_days: int
    amount: str
    claim_id: UUID
    days_overdue: int
    expected_days: int
    last_note: None | Note
    next_action_on: datetime.date | None
    next_inquiry_on: datetime.date | None
    patient_control_number: str
    payer_id: str
    payer_status: FollowUpItemPayerStatusType0 | None
    priority: str
    status: str
    submitted_at: datetime.datetime
    suggested_action: str

    def to_dict(self) -> dict[str, Any]:
        from ..models.follow_up_item_payer_status_type_0 import (
            FollowUpItemPayerStatusType0,
        )
        from ..models.note import Note

        age_days = self.age_days

        amount = self.amount

        claim_id = str(self.claim_id)

        days_overdue = self.days_overdue

        expected_days = self.expected_days

        last_note: dict[str, Any] | None
        if isinstance(self.last_note, Note):
            last_note = self.last_note.to_dict()
        else:
            last_note = self.last_note

        next_action_on: None | str
        if isinstance(self.next_action_on, datetime.date):
            next_action_on = self.next_action_on.isoformat()
        else:
            next_action_on = self.next_action_on

        next_inquiry_on: None | str
        if isinstance(self.next_inquiry_on, datetime.date):
            next_inquiry_on = self.next_inquiry_on.isoformat()
        else:
            next_inquiry_on = self.next_inquiry_on

        patient_control_number = self.patient_control_number

        payer_id = self.payer_id

        payer_status: dict[str, Any] | None
        if isinstance(self.payer_status, FollowUpItemPayerStatusType0):
            payer_status = self.payer_status.to_dict()
        else:
            payer_status = self.payer_status

        priority = self.priority

        status = self.status

        submitted_at = self.submitted_at.isoformat()

        suggested_action = self.suggested_action

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "age_days": age_days,
                "amount": amount,
                "claim_id": claim_id,
                "days_overdue": days_overdue,
                "expected_days": expected_days,
                "last_note": last_note,
                "next_action_on": next_action_on,
                "next_inquiry_on": next_inquiry_on,
                "patient_control_number": patient_control_number,
                "payer_id": payer_id,
                "payer_status": payer_status,
                "priority": priority,
                "status": status,
                "submitted_at": submitted_at,
                "suggested_action": suggested_action,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.follow_up_item_payer_status_type_0 import (
            FollowUpItemPayerStatusType0,
        )
        from ..models.note import Note

        d = dict(src_dict)
        age_days = d.pop("age_days")

        amount = d.pop("amount")

        claim_id = UUID(d.pop("claim_id"))

        days_overdue = d.pop("days_overdue")

        expected_days = d.pop("expected_days")

        def _parse_last_note(data: object) -> None | Note:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_note_type_0 = Note.from_dict(data)

                return last_note_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Note, data)

        last_note = _parse_last_note(d.pop("last_note"))

        def _parse_next_action_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_action_on_type_0 = datetime.date.fromisoformat(data)

                return next_action_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        next_action_on = _parse_next_action_on(d.pop("next_action_on"))

        def _parse_next_inquiry_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_inquiry_on_type_0 = datetime.date.fromisoformat(data)

                return next_inquiry_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        next_inquiry_on = _parse_next_inquiry_on(d.pop("next_inquiry_on"))

        patient_control_number = d.pop("patient_control_number")

        payer_id = d.pop("payer_id")

        def _parse_payer_status(data: object) -> FollowUpItemPayerStatusType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payer_status_type_0 = FollowUpItemPayerStatusType0.from_dict(data)

                return payer_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FollowUpItemPayerStatusType0 | None, data)

        payer_status = _parse_payer_status(d.pop("payer_status"))

        priority = d.pop("priority")

        status = d.pop("status")

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        suggested_action = d.pop("suggested_action")

        follow_up_item = cls(
            age_days=age_days,
            amount=amount,
            claim_id=claim_id,
            days_overdue=days_overdue,
            expected_days=expected_days,
            last_note=last_note,
            next_action_on=next_action_on,
            next_inquiry_on=next_inquiry_on,
            patient_control_number=patient_control_number,
            payer_id=payer_id,
            payer_status=payer_status,
            priority=priority,
            status=status,
            submitted_at=submitted_at,
            suggested_action=suggested_action,
        )

        return follow_up_item
