from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="HeldResponse")


@_attrs_define
class HeldResponse:
    """
    Attributes:
        id (int):
        kind (str):
        reason (str):
        received_at (datetime.datetime | None):
        trace (None | str):
    """

    id: int
    kind: str
    reason: str
    received_at: datetime.datetime | None
    trace: None | str

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind

        reason = self.reason

        received_at: None | str
        if isinstance(self.received_at, datetime.datetime):
            received_at = self.received_at.isoformat()
        else:
            received_at = self.received_at

        trace: None | str
        trace = self.trace

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "reason": reason,
                "received_at": received_at,
                "trace": trace,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        kind = d.pop("kind")

        reason = d.pop("reason")

        def _parse_received_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                received_at_type_0 = datetime.datetime.fromisoformat(data)

                return received_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        received_at = _parse_received_at(d.pop("received_at"))

        def _parse_trace(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        trace = _parse_trace(d.pop("trace"))

        held_response = cls(
            id=id,
            kind=kind,
            reason=reason,
            received_at=received_at,
            trace=trace,
        )

        return held_response
