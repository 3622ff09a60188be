from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.provider_query_status import ProviderQueryStatus

T = TypeVar("T", bound="ProviderQuery")


@_attrs_define
class ProviderQuery:
    """
    Attributes:
        answer (None | str):
        answered_at (datetime.datetime | None):
        answered_by (None | str):
        asked_at (datetime.datetime | None):
        asked_by (str):
        encounter_id (UUID):
        options (list[str]):
        query_id (UUID):
        question (str):
        rendering_npi (None | str):
        status (ProviderQueryStatus):
        unclear (str):
    """

    answer: None | str
    answered_at: datetime.datetime | None
    answered_by: None | str
    asked_at: datetime.datetime | None
    asked_by: str
    encounter_id: UUID
    options: list[str]
    query_id: UUID
    question: str
    rendering_npi: None | str
    status: ProviderQueryStatus
    unclear: str

    def to_dict(self) -> dict[str, Any]:
        answer: None | str
        answer = self.answer

        answered_at: None | str
        if isinstance(self.answered_at, datetime.datetime):
            answered_at = self.answered_at.isoformat()
        else:
            answered_at = self.answered_at

        answered_by: None | str
        answered_by = self.answered_by

        asked_at: None | str
        if isinstance(self.asked_at, datetime.datetime):
            asked_at = self.asked_at.isoformat()
        else:
            asked_at = self.asked_at

        asked_by = self.asked_by

        encounter_id = str(self.encounter_id)

        options = self.options

        query_id = str(self.query_id)

        question = self.question

        rendering_npi: None | str
        rendering_npi = self.rendering_npi

        status = self.status.value

        unclear = self.unclear

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "answer": answer,
                "answered_at": answered_at,
                "answered_by": answered_by,
                "asked_at": asked_at,
                "asked_by": asked_by,
                "encounter_id": encounter_id,
                "options": options,
                "query_id": query_id,
                "question": question,
                "rendering_npi": rendering_npi,
                "status": status,
                "unclear": unclear,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_answer(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        answer = _parse_answer(d.pop("answer"))

        def _parse_answered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_at_type_0 = datetime.datetime.fromisoformat(data)

                return answered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        answered_at = _parse_answered_at(d.pop("answered_at"))

        def _parse_answered_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        answered_by = _parse_answered_by(d.pop("answered_by"))

        def _parse_asked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                asked_at_type_0 = datetime.datetime.fromisoformat(data)

                return asked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        asked_at = _parse_asked_at(d.pop("asked_at"))

        asked_by = d.pop("asked_by")

        encounter_id = UUID(d.pop("encounter_id"))

        options = cast(list[str], d.pop("options"))

        query_id = UUID(d.pop("query_id"))

        question = d.pop("question")

        def _parse_rendering_npi(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rendering_npi = _parse_rendering_npi(d.pop("rendering_npi"))

        status = ProviderQueryStatus(d.pop("status"))

        unclear = d.pop("unclear")

        provider_query = cls(
            answer=answer,
            answered_at=answered_at,
            answered_by=answered_by,
            asked_at=asked_at,
            asked_by=asked_by,
            encounter_id=encounter_id,
            options=options,
            query_id=query_id,
            question=question,
            rendering_npi=rendering_npi,
            status=status,
            unclear=unclear,
        )

        return provider_query
