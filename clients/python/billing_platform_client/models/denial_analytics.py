from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.denial_rate import DenialRate
    from ..models.denial_share import DenialShare
    from ..models.preventable import Preventable
    from ..models.root_cause import RootCause
    from ..models.sla_figures import SlaFigures


T = TypeVar("T", bound="DenialAnalytics")


@_attrs_define
class DenialAnalytics:
    """
    Attributes:
        adjudicated_claims (int):
        by_carc (list[DenialShare]):
        by_category (list[DenialShare]):
        by_month (list[DenialRate]):
        by_payer (list[DenialRate]):
        by_procedure (list[DenialRate]):
        by_provider (list[DenialRate]):
        denial_rate (float | None):
        denied_amount (float):
        denied_claims (int):
        from_ (datetime.date):
        preventable (Preventable):
        sla (SlaFigures):
        to (datetime.date):
        top_root_causes (list[RootCause]):
    """

    adjudicated_claims: int
    by_carc: list[DenialShare]
    by_category: list[DenialShare]
    by_month: list[DenialRate]
    by_payer: list[DenialRate]
    by_procedure: list[DenialRate]
    by_provider: list[DenialRate]
    denial_rate: float | None
    denied_amount: float
    denied_claims: int
    from_: datetime.date
    preventable: Preventable
    sla: SlaFigures
    to: datetime.date
    top_root_causes: list[RootCause]

    def to_dict(self) -> dict[str, Any]:
        adjudicated_claims = self.adjudicated_claims

        by_carc = []
        for by_carc_item_data in self.by_carc:
            by_carc_item = by_carc_item_data.to_dict()
            by_carc.append(by_carc_item)

        by_category = []
        for by_category_item_data in self.by_category:
            by_category_item = by_category_item_data.to_dict()
            by_category.append(by_category_item)

        by_month = []
        for by_month_item_data in self.by_month:
            by_month_item = by_month_item_data.to_dict()
            by_month.append(by_month_item)

        by_payer = []
        for by_payer_item_data in self.by_payer:
            by_payer_item = by_payer_item_data.to_dict()
            by_payer.append(by_payer_item)

        by_procedure = []
        for by_procedure_item_data in self.by_procedure:
            by_procedure_item = by_procedure_item_data.to_dict()
            by_procedure.append(by_procedure_item)

        by_provider = []
        for by_provider_item_data in self.by_provider:
            by_provider_item = by_provider_item_data.to_dict()
            by_provider.append(by_provider_item)

        denial_rate: float | None
        denial_rate = self.denial_rate

        denied_amount = self.denied_amount

        denied_claims = self.denied_claims

        from_ = self.from_.isoformat()

        preventable = self.preventable.to_dict()

        sla = self.sla.to_dict()

        to = self.to.isoformat()

        top_root_causes = []
        for top_root_causes_item_data in self.top_root_causes:
            top_root_causes_item = top_root_causes_item_data.to_dict()
            top_root_causes.append(top_root_causes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "adjudicated_claims": adjudicated_claims,
                "by_carc": by_carc,
                "by_category": by_category,
                "by_month": by_month,
                "by_payer": by_payer,
                "by_procedure": by_procedure,
                "by_provider": by_provider,
                "denial_rate": denial_rate,
                "denied_amount": denied_amount,
                "denied_claims": denied_claims,
                "from": from_,
                "preventable": preventable,
                "sla": sla,
                "to": to,
                "top_root_causes": top_root_causes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.denial_rate import DenialRate
        from ..models.denial_share import DenialShare
        from ..models.preventable import Preventable
        from ..models.root_cause import RootCause
        from ..models.sla_figures import SlaFigures

        d = dict(src_dict)
        adjudicated_claims = d.pop("adjudicated_claims")

        by_carc = []
        _by_carc = d.pop("by_carc")
        for by_carc_item_data in _by_carc:
            by_carc_item = DenialShare.from_dict(by_carc_item_data)

            by_carc.append(by_carc_item)

        by_category = []
        _by_category = d.pop("by_category")
        for by_category_item_data in _by_category:
            by_category_item = DenialShare.from_dict(by_category_item_data)

            by_category.append(by_category_item)

        by_month = []
        _by_month = d.pop("by_month")
        for by_month_item_data in _by_month:
            by_month_item = DenialRate.from_dict(by_month_item_data)

            by_month.append(by_month_item)

        by_payer = []
        _by_payer = d.pop("by_payer")
        for by_payer_item_data in _by_payer:
            by_payer_item = DenialRate.from_dict(by_payer_item_data)

            by_payer.append(by_payer_item)

        by_procedure = []
        _by_procedure = d.pop("by_procedure")
        for by_procedure_item_data in _by_procedure:
            by_procedure_item = DenialRate.from_dict(by_procedure_item_data)

            by_procedure.append(by_procedure_item)

        by_provider = []
        _by_provider = d.pop("by_provider")
        for by_provider_item_data in _by_provider:
            by_provider_item = DenialRate.from_dict(by_provider_item_data)

            by_provider.append(by_provider_item)

        def _parse_denial_rate(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        denial_rate = _parse_denial_rate(d.pop("denial_rate"))

        denied_amount = d.pop("denied_amount")

        denied_claims = d.pop("denied_claims")

        from_ = datetime.date.fromisoformat(d.pop("from"))

        preventable = Preventable.from_dict(d.pop("preventable"))

        sla = SlaFigures.from_dict(d.pop("sla"))

        to = datetime.date.fromisoformat(d.pop("to"))

        top_root_causes = []
        _top_root_causes = d.pop("top_root_causes")
        for top_root_causes_item_data in _top_root_causes:
            top_root_causes_item = RootCause.from_dict(top_root_causes_item_data)

            top_root_causes.append(top_root_causes_item)

        denial_analytics = cls(
            adjudicated_claims=adjudicated_claims,
            by_carc=by_carc,
            by_category=by_category,
            by_month=by_month,
            by_payer=by_payer,
            by_procedure=by_procedure,
            by_provider=by_provider,
            denial_rate=denial_rate,
            denied_amount=denied_amount,
            denied_claims=denied_claims,
            from_=from_,
            preventable=preventable,
            sla=sla,
            to=to,
            top_root_causes=top_root_causes,
        )

        return denial_analytics
