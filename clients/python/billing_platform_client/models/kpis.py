from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.kpi_volumes import KpiVolumes
    from ..models.kpis_denial_rate_by_carc import KpisDenialRateByCarc
    from ..models.kpis_denial_rate_by_payer import KpisDenialRateByPayer
    from ..models.kpis_denial_rate_by_reason import KpisDenialRateByReason
    from ..models.ratio import Ratio


T = TypeVar("T", bound="Kpis")


@_attrs_define
class Kpis:
    """
    Attributes:
        clean_claim_rate (Ratio):
        days_in_ar (Ratio):
        denial_rate (Ratio):
        denial_rate_by_carc (KpisDenialRateByCarc):
        denial_rate_by_payer (KpisDenialRateByPayer):
        denial_rate_by_reason (KpisDenialRateByReason):
        first_pass_resolution_rate (Ratio):
        net_collection_rate (Ratio):
        volumes (KpiVolumes):
    """

    clean_claim_rate: Ratio
    days_in_ar: Ratio
    denial_rate: Ratio
    denial_rate_by_carc: KpisDenialRateByCarc
    denial_rate_by_payer: KpisDenialRateByPayer
    denial_rate_by_reason: KpisDenialRateByReason
    first_pass_resolution_rate: Ratio
    net_collection_rate: Ratio
    volumes: KpiVolumes

    def to_dict(self) -> dict[str, Any]:
        clean_claim_rate = self.clean_claim_rate.to_dict()

        days_in_ar = self.days_in_ar.to_dict()

        denial_rate = self.denial_rate.to_dict()

        denial_rate_by_carc = self.denial_rate_by_carc.to_dict()

        denial_rate_by_payer = self.denial_rate_by_payer.to_dict()

        denial_rate_by_reason = self.denial_rate_by_reason.to_dict()

        first_pass_resolution_rate = self.first_pass_resolution_rate.to_dict()

        net_collection_rate = self.net_collection_rate.to_dict()

        volumes = self.volumes.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "clean_claim_rate": clean_claim_rate,
                "days_in_ar": days_in_ar,
                "denial_rate": denial_rate,
                "denial_rate_by_carc": denial_rate_by_carc,
                "denial_rate_by_payer": denial_rate_by_payer,
                "denial_rate_by_reason": denial_rate_by_reason,
                "first_pass_resolution_rate": first_pass_resolution_rate,
                "net_collection_rate": net_collection_rate,
                "volumes": volumes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.kpi_volumes import KpiVolumes
        from ..models.kpis_denial_rate_by_carc import KpisDenialRateByCarc
        from ..models.kpis_denial_rate_by_payer import KpisDenialRateByPayer
        from ..models.kpis_denial_rate_by_reason import KpisDenialRateByReason
        from ..models.ratio import Ratio

        d = dict(src_dict)
        clean_claim_rate = Ratio.from_dict(d.pop("clean_claim_rate"))

        days_in_ar = Ratio.from_dict(d.pop("days_in_ar"))

        denial_rate = Ratio.from_dict(d.pop("denial_rate"))

        denial_rate_by_carc = KpisDenialRateByCarc.from_dict(
            d.pop("denial_rate_by_carc")
        )

        denial_rate_by_payer = KpisDenialRateByPayer.from_dict(
            d.pop("denial_rate_by_payer")
        )

        denial_rate_by_reason = KpisDenialRateByReason.from_dict(
            d.pop("denial_rate_by_reason")
        )

        first_pass_resolution_rate = Ratio.from_dict(
            d.pop("first_pass_resolution_rate")
        )

        net_collection_rate = Ratio.from_dict(d.pop("net_collection_rate"))

        volumes = KpiVolumes.from_dict(d.pop("volumes"))

        kpis = cls(
            clean_claim_rate=clean_claim_rate,
            days_in_ar=days_in_ar,
            denial_rate=denial_rate,
            denial_rate_by_carc=denial_rate_by_carc,
            denial_rate_by_payer=denial_rate_by_payer,
            denial_rate_by_reason=denial_rate_by_reason,
            first_pass_resolution_rate=first_pass_resolution_rate,
            net_collection_rate=net_collection_rate,
            volumes=volumes,
        )

        return kpis
