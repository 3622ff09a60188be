from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.kpi_volumes_claims_by_status import KpiVolumesClaimsByStatus


T = TypeVar("T", bound="KpiVolumes")


@_attrs_define
class KpiVolumes:
    """
    Attributes:
        adjudicated (int):
        charges (str):
        claims_by_status (KpiVolumesClaimsByStatus):
        denied_claims (int):
        open_denials (int):
        period_days (int):
        receivable (str):
        suspense_open (int):
    """

    adjudicated: int
    charges: str
    claims_by_status: KpiVolumesClaimsByStatus
    denied_claims: int
    open_denials: int
    period_days: int
    receivable: str
    suspense_open: int

    def to_dict(self) -> dict[str, Any]:
        adjudicated = self.adjudicated

        charges = self.charges

        claims_by_status = self.claims_by_status.to_dict()

        denied_claims = self.denied_claims

        open_denials = self.open_denials

        period_days = self.period_days

        receivable = self.receivable

        suspense_open = self.suspense_open

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "adjudicated": adjudicated,
                "charges": charges,
                "claims_by_status": claims_by_status,
                "denied_claims": denied_claims,
                "open_denials": open_denials,
                "period_days": period_days,
                "receivable": receivable,
                "suspense_open": suspense_open,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.kpi_volumes_claims_by_status import KpiVolumesClaimsByStatus

        d = dict(src_dict)
        adjudicated = d.pop("adjudicated")

        charges = d.pop("charges")

        claims_by_status = KpiVolumesClaimsByStatus.from_dict(d.pop("claims_by_status"))

        denied_claims = d.pop("denied_claims")

        open_denials = d.pop("open_denials")

        period_days = d.pop("period_days")

        receivable = d.pop("receivable")

        suspense_open = d.pop("suspense_open")

        kpi_volumes = cls(
            adjudicated=adjudicated,
            charges=charges,
            claims_by_status=claims_by_status,
            denied_claims=denied_claims,
            open_denials=open_denials,
            period_days=period_days,
            receivable=receivable,
            suspense_open=suspense_open,
        )

        return kpi_volumes
