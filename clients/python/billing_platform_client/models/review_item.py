from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.provider_query import ProviderQuery


T = TypeVar("T", bound="ReviewItem")


@_attrs_define
class ReviewItem:
    """
    Attributes:
        assigned_to (None | str):
        diagnoses (list[Any]):
        edits (list[Any]):
        encounter_id (UUID):
        external_id (str):
        open_query (None | ProviderQuery):
        procedures (list[Any]):
        received_at (datetime.datetime | None):
        suggestions (list[Any]):
    """

    assigned_to: None | str
    diagnoses: list[Any]
    edits: list[Any]
    encounter_id: UUID
    external_id: str
    open_query: None | ProviderQuery
    procedures: list[Any]
    received_at: datetime.datetime | None
    suggestions: list[Any]

    def to_dict(self) -> dict[str, Any]:
        from ..models.provider_query import ProviderQuery

        assigned_to: None | str
        assigned_to = self.assigned_to

        diagnoses = self.diagnoses

        edits = self.edits

        encounter_id = str(self.encounter_id)

        external_id = self.external_id

        open_query: dict[str, Any] | None
        if isinstance(self.open_query, ProviderQuery):
            open_query = self.open_query.to_dict()
        else:
            open_query = self.open_query

        procedures = self.procedures

        received_at: None | str
        if isinstance(self.received_at, datetime.datetime):
            received_at = self.received_at.isoformat()
        else:
            received_at = self.received_at

        suggestions = self.suggestions

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "assigned_to": assigned_to,
                "diagnoses": diagnoses,
                "edits": edits,
                "encounter_id": encounter_id,
                "external_id": external_id,
                "open_query": open_query,
                "procedures": procedures,
                "received_at": received_at,
                "suggestions": suggestions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.provider_query import ProviderQuery

        d = dict(src_dict)

        def _parse_assigned_to(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        assigned_to = _parse_assigned_to(d.pop("assigned_to"))

        diagnoses = cast(list[Any], d.pop("diagnoses"))

        edits = cast(list[Any], d.pop("edits"))

        encounter_id = UUID(d.pop("encounter_id"))

        external_id = d.pop("external_id")

        def _parse_open_query(data: object) -> None | ProviderQuery:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                open_query_type_0 = ProviderQuery.from_dict(data)

                return open_query_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProviderQuery, data)

        open_query = _parse_open_query(d.pop("open_query"))

        procedures = cast(list[Any], d.pop("procedures"))

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

        suggestions = cast(list[Any], d.pop("suggestions"))

        review_item = cls(
            assigned_to=assigned_to,
            diagnoses=diagnoses,
            edits=edits,
            encounter_id=encounter_id,
            external_id=external_id,
            open_query=open_query,
            procedures=procedures,
            received_at=received_at,
            suggestions=suggestions,
        )

        return review_item
