from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="SlaFigures")


@_attrs_define
class SlaFigures:
    """
    Attributes:
        at_risk (int):
        attainment (None | str):
        breached (int):
        business_days (int):
        meets_target (bool):
        target (str):
        waiting (int):
    """

    at_risk: int
    attainment: None | str
    breached: int
    business_days: int
    meets_target: bool
    target: str
    waiting: int

    def to_dict(self) -> dict[str, Any]:
        at_risk = self.at_risk

        attainment: None | str
        attainment = self.attainment

        breached = self.breached

        business_days = self.business_days

        meets_target = self.meets_target

        target = self.target

        waiting = self.waiting

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "at_risk": at_risk,
                "attainment": attainment,
                "breached": breached,
                "business_days": business_days,
                "meets_target": meets_target,
                "target": target,
                "waiting": waiting,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        at_risk = d.pop("at_risk")

        def _parse_attainment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        attainment = _parse_attainment(d.pop("attainment"))

        breached = d.pop("breached")

        business_days = d.pop("business_days")

        meets_target = d.pop("meets_target")

        target = d.pop("target")

        waiting = d.pop("waiting")

        sla_figures = cls(
            at_risk=at_risk,
            attainment=attainment,
            breached=breached,
            business_days=business_days,
            meets_target=meets_target,
            target=target,
            waiting=waiting,
        )

        return sla_figures
