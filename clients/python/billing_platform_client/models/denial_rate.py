from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="DenialRate")


@_attrs_define
class DenialRate:
    """
    Attributes:
        adjudicated (int):
        denial_rate (float | None):
        denied (int):
        key (None | str):
    """

    adjudicated: int
    denial_rate: float | None
    denied: int
    key: None | str

    def to_dict(self) -> dict[str, Any]:
        adjudicated = self.adjudicated

        denial_rate: float | None
        denial_rate = self.denial_rate

        denied = self.denied

        key: None | str
        key = self.key

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "adjudicated": adjudicated,
                "denial_rate": denial_rate,
                "denied": denied,
                "key": key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        adjudicated = d.pop("adjudicated")

        def _parse_denial_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        denial_rate = _parse_denial_rate(d.pop("denial_rate"))

        denied = d.pop("denied")

        def _parse_key(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        key = _parse_key(d.pop("key"))

        denial_rate = cls(
            adjudicated=adjudicated,
            denial_rate=denial_rate,
            denied=denied,
            key=key,
        )

        return denial_rate
