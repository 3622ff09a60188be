from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="StatementStage")


@_attrs_define
class StatementStage:
    """
    Attributes:
        date (datetime.date):
        due (bool):
        stage (str):
    """

    date: datetime.date
    due: bool
    stage: str

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        due = self.due

        stage = self.stage

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "date": date,
                "due": due,
                "stage": stage,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        due = d.pop("due")

        stage = d.pop("stage")

        statement_stage = cls(
            date=date,
            due=due,
            stage=stage,
        )

        return statement_stage
