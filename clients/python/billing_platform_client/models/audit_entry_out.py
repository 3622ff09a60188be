from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AuditEntryOut")


@_attrs_define
class AuditEntryOut:
    """
    Attributes:
        action (str):
        at (datetime.datetime):
        hash_ (str):
        key_id (UUID):
        object_id (None | str):
        object_type (str):
        outcome (int): The HTTP status the gateway answered
        seq (int):
    """

    action: str
    at: datetime.datetime
    hash_: str
    key_id: UUID
    object_id: None | str
    object_type: str
    outcome: int
    seq: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        at = self.at.isoformat()

        hash_ = self.hash_

        key_id = str(self.key_id)

        object_id: None | str
        object_id = self.object_id

        object_type = self.object_type

        outcome = self.outcome

        seq = self.seq

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "at": at,
                "hash": hash_,
                "key_id": key_id,
                "object_id": object_id,
                "object_type": object_type,
                "outcome": outcome,
                "seq": seq,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        action = d.pop("action")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        hash_ = d.pop("hash")

        key_id = UUID(d.pop("key_id"))

        def _parse_object_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        object_id = _parse_object_id(d.pop("object_id"))

        object_type = d.pop("object_type")

        outcome = d.pop("outcome")

        seq = d.pop("seq")

        audit_entry_out = cls(
            action=action,
            at=at,
            hash_=hash_,
            key_id=key_id,
            object_id=object_id,
            object_type=object_type,
            outcome=outcome,
            seq=seq,
        )

        audit_entry_out.additional_properties = d
        return audit_entry_out

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
