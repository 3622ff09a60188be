from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="PayerLag")


@_attrs_define
class PayerLag:
    """
    Attributes:
        claims (int):
        max_days (int | None):
        mean_days (None | str):
        median_days (None | str):
        p90_days (int | None):
        payer_id (str):
    """

    claims: int
    max_days: int | None
    mean_days: None | str
    median_days: None | str
    p90_days: int | None
    payer_id: str

    def to_dict(self) -> dict[str, Any]:
        claims = self.claims

        max_days: int | None
        max_days = self.max_days

        mean_days: None | str
        mean_days = self.mean_days

        median_days: None | str
        median_days = self.median_days

        p90_days: int | None
        p90_days = self.p90_days

        payer_id = self.payer_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "claims": claims,
                "max_days": max_days,
                "mean_days": mean_days,
                "median_days": median_days,
                "p90_days": p90_days,
                "payer_id": payer_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        claims = d.pop("claims")

        def _parse_max_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        max_days = _parse_max_days(d.pop("max_days"))

        def _parse_mean_days(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        mean_days = _parse_mean_days(d.pop("mean_days"))

        def _parse_median_days(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        median_days = _parse_median_days(d.pop("median_days"))

        def _parse_p90_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        p90_days = _parse_p90_days(d.pop("p90_days"))

        payer_id = d.pop("payer_id")

        payer_lag = cls(
            claims=claims,
            max_days=max_days,
            mean_days=mean_days,
            median_days=median_days,
            p90_days=p90_days,
            payer_id=payer_id,
        )

        return payer_lag
