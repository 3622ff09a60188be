from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.claim_balance import ClaimBalance


T = TypeVar("T", bound="ClaimChecks")


@_attrs_define
class ClaimChecks:
    """
    Attributes:
        closed (int):
        inconsistent (list[ClaimBalance]):
        open_ (int):
    """

    closed: int
    inconsistent: list[ClaimBalance]
    open_: int

    def to_dict(self) -> dict[str, Any]:
        closed = self.closed

        inconsistent = []
        for inconsistent_item_data in self.inconsistent:
            inconsistent_item = inconsistent_item_data.to_dict()
            inconsistent.append(inconsistent_item)

        open_ = self.open_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "closed": closed,
                "inconsistent": inconsistent,
                "open": open_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.claim_balance import ClaimBalance

        d = dict(src_dict)
        closed = d.pop("closed")

        inconsistent = []
        _inconsistent = d.pop("inconsistent")
        for inconsistent_item_data in _inconsistent:
            inconsistent_item = ClaimBalance.from_dict(inconsistent_item_data)

            inconsistent.append(inconsistent_item)

        open_ = d.pop("open")

        claim_checks = cls(
            closed=closed,
            inconsistent=inconsistent,
            open_=open_,
        )

        return claim_checks
