from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EncounterSummary")


@_attrs_define
class EncounterSummary:
    """
    Attributes:
        encounter_id (UUID):
        external_id (str):
        received_at (datetime.datetime | None):
        source_format (str):
    """

    encounter_id: UUID
    external_id: str
    received_at: datetime.datetime | None
    source_format: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        encounter_id = str(self.encounter_id)

        external_id = self.external_id

        received_at: None | str
        if isinstance(self.received_at, datetime.datetime):
            received_at = self.received_at.isoformat()
        else:
            received_at = self.received_at

        source_format = self.source_format

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "encounter_id": encounter_id,
                "external_id": external_id,
                "received_at": received_at,
                "source_format": source_format,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        encounter_id = UUID(d.pop("encounter_id"))

        external_id = d.pop("external_id")

        def _parse_received_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                received_at_type_0 = datetime.datetime.fromisoformat(data)

                return received_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        received_at = _parse_received_at(d.pop("received_at"))

        source_format = d.pop("source_format")

        encounter_summary = cls(
            encounter_id=encounter_id,
            external_id=external_id,
            received_at=received_at,
            source_format=source_format,
        )

        encounter_summary.additional_properties = d
        return encounter_summary

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
