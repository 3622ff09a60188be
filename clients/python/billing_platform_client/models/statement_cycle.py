from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.statement_cycle_status import StatementCycleStatus

if TYPE_CHECKING:
    from ..models.statement_stage import StatementStage


T = TypeVar("T", bound="StatementCycle")


@_attrs_define
class StatementCycle:
    """
    Attributes:
        balance (str):
        cycle_start (datetime.date | None):
        next_date (datetime.date | None):
        next_stage (None | str):
        schedule (list[StatementStage]):
        stage (None | str):
        status (StatementCycleStatus):
    """

    balance: str
    cycle_start: datetime.date | None
    next_date: datetime.date | None
    next_stage: None | str
    schedule: list[StatementStage]
    stage: None | str
    status: StatementCycleStatus

    def to_dict(self) -> dict[str, Any]:
        balance = self.balance

        cycle_start: None | str
        if isinstance(self.cycle_start, datetime.date):
            cycle_start = self.cycle_start.isoformat()
        else:
            cycle_start = self.cycle_start

        next_date: None | str
        if isinstance(self.next_date, datetime.date):
            next_date = self.next_date.isoformat()
        else:
            next_date = self.next_date

        next_stage: None | str
        next_stage = self.next_stage

        schedule = []
        for schedule_item_data in self.schedule:
            schedule_item = schedule_item_data.to_dict()
            schedule.append(schedule_item)

        stage: None | str
        stage = self.stage

        status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "balance": balance,
                "cycle_start": cycle_start,
                "next_date": next_date,
                "next_stage": next_stage,
                "schedule": schedule,
                "stage": stage,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.statement_stage import StatementStage

        d = dict(src_dict)
        balance = d.pop("balance")

        def _parse_cycle_start(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                cycle_start_type_0 = datetime.date.fromisoformat(data)

                return cycle_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        cycle_start = _parse_cycle_start(d.pop("cycle_start"))

        def _parse_next_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_date_type_0 = datetime.date.fromisoformat(data)

                return next_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        next_date = _parse_next_date(d.pop("next_date"))

        def _parse_next_stage(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_stage = _parse_next_stage(d.pop("next_stage"))

        schedule = []
        _schedule = d.pop("schedule")
        for schedule_item_data in _schedule:
            schedule_item = StatementStage.from_dict(schedule_item_data)

            schedule.append(schedule_item)

        def _parse_stage(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        stage = _parse_stage(d.pop("stage"))

        status = StatementCycleStatus(d.pop("status"))

        statement_cycle = cls(
            balance=balance,
            cycle_start=cycle_start,
            next_date=next_date,
            next_stage=next_stage,
            schedule=schedule,
            stage=stage,
            status=status,
        )

        return statement_cycle
