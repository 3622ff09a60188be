from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="EncounterFailure")


@_attrs_define
class EncounterFailure:
    """
    Attributes:
        failed_at (datetime.datetime | None):
        reason (str):
        stage (str):
    """

    failed_at: datetime.datetime | None
    reason: str
    stage: str

    def to_dict(self) -> dict[str, Any]:
        failed_at: None | str
        if isinstance(self.failed_at, datetime.datetime):
            failed_at = self.failed_at.isoformat()
        else:
            failed_at = self.failed_at

        reason = self.reason

        stage = self.stage

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "failed_at": failed_at,
                "reason": reason,
                "stage": stage,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_failed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                failed_at_type_0 = datetime.datetime.fromisoformat(data)

                return failed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        failed_at = _parse_failed_at(d.pop("failed_at"))

        reason = d.pop("reason")

        stage = d.pop("stage")

        encounter_failure = cls(
            failed_at=failed_at,
            reason=reason,
            stage=stage,
        )

        return encounter_failure
