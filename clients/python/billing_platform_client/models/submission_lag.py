from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.lag_figures import LagFigures
    from ..models.payer_lag import PayerLag


T = TypeVar("T", bound="SubmissionLag")


@_attrs_define
class SubmissionLag:
    """
    Attributes:
        by_payer (list[PayerLag]):
        overall (LagFigures):
    """

    by_payer: list[PayerLag]
    overall: LagFigures

    def to_dict(self) -> dict[str, Any]:
        by_payer = []
        for by_payer_item_data in self.by_payer:
            by_payer_item = by_payer_item_data.to_dict()
            by_payer.append(by_payer_item)

        overall = self.overall.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "by_payer": by_payer,
                "overall": overall,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.lag_figures import LagFigures
        from ..models.payer_lag import PayerLag

        d = dict(src_dict)
        by_payer = []
        _by_payer = d.pop("by_payer")
        for by_payer_item_data in _by_payer:
            by_payer_item = PayerLag.from_dict(by_payer_item_data)

            by_payer.append(by_payer_item)

        overall = LagFigures.from_dict(d.pop("overall"))

        submission_lag = cls(
            by_payer=by_payer,
            overall=overall,
        )

        return submission_lag
