from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Ratio")


@_attrs_define
class Ratio:
    """
    Attributes:
        denominator (str):
        numerator (str):
        value (None | str): numerator / denominator; null when the denominator is 0
    """

    denominator: str
    numerator: str
    value: None | str

    def to_dict(self) -> dict[str, Any]:
        denominator = self.denominator

        numerator = self.numerator

        value: None | str
        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "denominator": denominator,
                "numerator": numerator,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        denominator = d.pop("denominator")

        numerator = d.pop("numerator")

        def _parse_value(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        value = _parse_value(d.pop("value"))

        ratio = cls(
            denominator=denominator,
            numerator=numerator,
            value=value,
        )

        return ratio
