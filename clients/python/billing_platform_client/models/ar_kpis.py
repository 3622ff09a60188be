from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.billing_lag import BillingLag


T = TypeVar("T", bound="ArKpis")


@_attrs_define
class ArKpis:
    """
    Attributes:
        as_of (datetime.date):
        billing_lag (BillingLag):
        charges_in_period (str):
        collections_in_period (str):
        contractual_in_period (str):
        days_in_ar (None | str):
        insurance_ar (str):
        net_collection_rate_percent (None | str):
        patient_ar (str):
        period_days (int):
        total_ar (str):
    """

    as_of: datetime.date
    billing_lag: BillingLag
    charges_in_period: str
    collections_in_period: str
    contractual_in_period: str
    days_in_ar: None | str
    insurance_ar: str
    net_collection_rate_percent: None | str
    patient_ar: str
    period_days: int
    total_ar: str

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.isoformat()

        billing_lag = self.billing_lag.to_dict()

        charges_in_period = self.charges_in_period

        collections_in_period = self.collections_in_period

        contractual_in_period = self.contractual_in_period

        days_in_ar: None | str
        days_in_ar = self.days_in_ar

        insurance_ar = self.insurance_ar

        net_collection_rate_percent: None | str
        net_collection_rate_percent = self.net_collection_rate_percent

        patient_ar = self.patient_ar

        period_days = self.period_days

        total_ar = self.total_ar

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "as_of": as_of,
                "billing_lag": billing_lag,
                "charges_in_period": charges_in_period,
                "collections_in_period": collections_in_period,
                "contractual_in_period": contractual_in_period,
                "days_in_ar": days_in_ar,
                "insurance_ar": insurance_ar,
                "net_collection_rate_percent": net_collection_rate_percent,
                "patient_ar": patient_ar,
                "period_days": period_days,
                "total_ar": total_ar,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.billing_lag import BillingLag

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        billing_lag = BillingLag.from_dict(d.pop("billing_lag"))

        charges_in_period = d.pop("charges_in_period")

        collections_in_period = d.pop("collections_in_period")

        contractual_in_period = d.pop("contractual_in_period")

        def _parse_days_in_ar(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        days_in_ar = _parse_days_in_ar(d.pop("days_in_ar"))

        insurance_ar = d.pop("insurance_ar")

        def _parse_net_collection_rate_percent(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        net_collection_rate_percent = _parse_net_collection_rate_percent(
            d.pop("net_collection_rate_percent")
        )

        patient_ar = d.pop("patient_ar")

        period_days = d.pop("period_days")

        total_ar = d.pop("total_ar")

        ar_kpis = cls(
            as_of=as_of,
            billing_lag=billing_lag,
            charges_in_period=charges_in_period,
            collections_in_period=collections_in_period,
            contractual_in_period=contractual_in_period,
            days_in_ar=days_in_ar,
            insurance_ar=insurance_ar,
            net_collection_rate_percent=net_collection_rate_percent,
            patient_ar=patient_ar,
            period_days=period_days,
            total_ar=total_ar,
        )

        return ar_kpis
