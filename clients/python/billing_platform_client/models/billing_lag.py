from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="BillingLag")


@_attrs_define
class BillingLag:
    """
    Attributes:
        average_days (None | str):
        claims (int):
        max_days (int | None):
        median_days (None | str):
    """

    average_days: None | str
    claims: int
    max_days: int | None
    median_days: None | str

    def to_dict(self) -> dict[str, Any]:
        average_days: None | str
        average_days = self.average_days

        claims = self.claims

        max_days: int | None
        max_days = self.max_days

        median_days: None | str
        median_days = self.median_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "average_days": average_days,
                "claims": claims,
                "max_days": max_days,
                "median_days": median_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_average_days(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        average_days = _parse_average_days(d.pop("average_days"))

        claims = d.pop("claims")

        def _parse_max_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_days = _parse_max_days(d.pop("max_days"))

        def _parse_median_days(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        median_days = _parse_median_days(d.pop("median_days"))

        billing_lag = cls(
            average_days=average_days,
            claims=claims,
            max_days=max_days,
            median_days=median_days,
        )

        return billing_lag
