from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Note")


@_attrs_define
class Note:
    """
    Attributes:
        at (datetime.datetime | None):
        author (str):
        next_action_on (datetime.date | None):
        note (str):
        note_id (int):
    """

    at: datetime.datetime | None
    author: str
    next_action_on: datetime.date | None
    note: str
    note_id: int

    def to_dict(self) -> dict[str, Any]:
        at: None | str
        if isinstance(self.at, datetime.datetime):
            at = self.at.isoformat()
        else:
            at = self.at

        author = self.author

        next_action_on: None | str
        if isinstance(self.next_action_on, datetime.date):
            next_action_on = self.next_action_on.isoformat()
        else:
            next_action_on = self.next_action_on

        note = self.note

        note_id = self.note_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "at": at,
                "author": author,
                "next_action_on": next_action_on,
                "note": note,
                "note_id": note_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                at_type_0 = datetime.datetime.fromisoformat(data)

                return at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        at = _parse_at(d.pop("at"))

        author = d.pop("author")

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

        note = d.pop("note")

        note_id = d.pop("note_id")

        note = cls(
            at=at,
            author=author,
            next_action_on=next_action_on,
            note=note,
            note_id=note_id,
        )

        return note
