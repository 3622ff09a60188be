from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FollowUpNote")


@_attrs_define
class FollowUpNote:
    """
    Attributes:
        note (str):
        next_action_on (datetime.date | None | Unset): Today or later: when the claim is due again.
    """

    note: str
    next_action_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        note = self.note

        next_action_on: None | str | Unset
        if isinstance(self.next_action_on, Unset):
            next_action_on = UNSET
        elif isinstance(self.next_action_on, datetime.date):
            next_action_on = self.next_action_on.isoformat()
        else:
            next_action_on = self.next_action_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "note": note,
            }
        )
        if next_action_on is not UNSET:
            field_dict["next_action_on"] = next_action_on

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        note = d.pop("note")

        def _parse_next_action_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_action_on_type_0 = datetime.date.fromisoformat(data)

                return next_action_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        next_action_on = _parse_next_action_on(d.pop("next_action_on", UNSET))

        follow_up_note = cls(
            note=note,
            next_action_on=next_action_on,
        )

        return follow_up_note
