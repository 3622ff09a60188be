from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.aging_row import AgingRow
    from ..models.ar_aging_by_payer import ArAgingByPayer
    from ..models.ar_aging_by_provider import ArAgingByProvider


T = TypeVar("T", bound="ArAging")


@_attrs_define
class ArAging:
    """
    Attributes:
        as_of (datetime.date):
        buckets (list[str]):
        by_payer (ArAgingByPayer):
        by_provider (ArAgingByProvider): By rendering NPI
        tenant (AgingRow):
    """

    as_of: datetime.date
    buckets: list[str]
    by_payer: ArAgingByPayer
    by_provider: ArAgingByProvider
    tenant: AgingRow

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        buckets = self.buckets

        by_payer = self.by_payer.to_dict()

        by_provider = self.by_provider.to_dict()

        tenant = self.tenant.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "as_of": as_of,
                "buckets": buckets,
                "by_payer": by_payer,
                "by_provider": by_provider,
                "tenant": tenant,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.aging_row import AgingRow
        from ..models.ar_aging_by_payer import ArAgingByPayer
        from ..models.ar_aging_by_provider import ArAgingByProvider

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        buckets = cast(list[str], d.pop("buckets"))

        by_payer = ArAgingByPayer.from_dict(d.pop("by_payer"))

        by_provider = ArAgingByProvider.from_dict(d.pop("by_provider"))

        tenant = AgingRow.from_dict(d.pop("tenant"))

        ar_aging = cls(
            as_of=as_of,
            buckets=buckets,
            by_payer=by_payer,
            by_provider=by_provider,
            tenant=tenant,
        )

        return ar_aging
