from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.remit_source import RemitSource
from ..models.remit_status import RemitStatus

T = TypeVar("T", bound="Remit")


@_attrs_define
class Remit:
    """
    Attributes:
        claims (int):
        payer_id (None | str):
        posted_cash (str):
        problems (list[Any]): Why a rejected 835 was refused
        received_at (datetime.datetime):
        remit_id (UUID):
        source (RemitSource):
        status (RemitStatus):
        total_paid (None | str):
        trace_number (None | str): The 835's TRN02 (EFT trace or check number)
    """

    claims: int
    payer_id: None | str
    posted_cash: str
    problems: list[Any]
    received_at: datetime.datetime
    remit_id: UUID
    source: RemitSource
    status: RemitStatus
    total_paid: None | str
    trace_number: None | str

    def to_dict(self) -> dict[str, Any]:
        claims = self.claims

        payer_id: None | str
        payer_id = self.payer_id

        posted_cash = self.posted_cash

        problems = self.problems

        received_at = self.received_at.isoformat()

        remit_id = str(self.remit_id)

        source = self.source.value

        status = self.status.value

        total_paid: None | str
        total_paid = self.total_paid

        trace_number: None | str
        trace_number = self.trace_number

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "claims": claims,
                "payer_id": payer_id,
                "posted_cash": posted_cash,
                "problems": problems,
                "received_at": received_at,
                "remit_id": remit_id,
                "source": source,
                "status": status,
                "total_paid": total_paid,
                "trace_number": trace_number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        claims = d.pop("claims")

        def _parse_payer_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payer_id = _parse_payer_id(d.pop("payer_id"))

        posted_cash = d.pop("posted_cash")

        problems = cast(list[Any], d.pop("problems"))

        received_at = datetime.datetime.fromisoformat(d.pop("received_at"))

        remit_id = UUID(d.pop("remit_id"))

        source = RemitSource(d.pop("source"))

        status = RemitStatus(d.pop("status"))

        def _parse_total_paid(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        total_paid = _parse_total_paid(d.pop("total_paid"))

        def _parse_trace_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        trace_number = _parse_trace_number(d.pop("trace_number"))

        remit = cls(
            claims=claims,
            payer_id=payer_id,
            posted_cash=posted_cash,
            problems=problems,
            received_at=received_at,
            remit_id=remit_id,
            source=source,
            status=status,
            total_paid=total_paid,
            trace_number=trace_number,
        )

        return remit
