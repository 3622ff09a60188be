from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.coding_audit_entry_after import CodingAuditEntryAfter
    from ..models.coding_audit_entry_before import CodingAuditEntryBefore


T = TypeVar("T", bound="CodingAuditEntry")


@_attrs_define
class CodingAuditEntry:
    """
    Attributes:
        action (str):
        actor (str):
        after (CodingAuditEntryAfter):
        at (datetime.datetime):
        before (CodingAuditEntryBefore):
        reason (None | str):
    """

    action: str
    actor: str
    after: CodingAuditEntryAfter
    at: datetime.datetime
    before: CodingAuditEntryBefore
    reason: None | str

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        actor = self.actor

        after = self.after.to_dict()

        at = self.at.isoformat()

        before = self.before.to_dict()

        reason: None | str
        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
                "actor": actor,
                "after": after,
                "at": at,
                "before": before,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.coding_audit_entry_after import CodingAuditEntryAfter
        from ..models.coding_audit_entry_before import CodingAuditEntryBefore

        d = dict(src_dict)
        action = d.pop("action")

        actor = d.pop("actor")

        after = CodingAuditEntryAfter.from_dict(d.pop("after"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        before = CodingAuditEntryBefore.from_dict(d.pop("before"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        coding_audit_entry = cls(
            action=action,
            actor=actor,
            after=after,
            at=at,
            before=before,
            reason=reason,
        )

        return coding_audit_entry
