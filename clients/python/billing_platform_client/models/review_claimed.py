from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReviewClaimed")


@_attrs_define
class ReviewClaimed:
    """
    Attributes:
        assigned_to (None | str):
        encounter_id (UUID):
        status (str):
    """

    assigned_to: None | str
    encounter_id: UUID
    status: str

    def to_dict(self) -> dict[str, Any]:
        assigned_to: None | str
        assigned_to = self.assigned_to

        encounter_id = str(self.encounter_id)

        status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "assigned_to": assigned_to,
                "encounter_id": encounter_id,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_assigned_to(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        assigned_to = _parse_assigned_to(d.pop("assigned_to"))

        encounter_id = UUID(d.pop("encounter_id"))

        status = d.pop("status")

        review_claimed = cls(
            assigned_to=assigned_to,
            encounter_id=encounter_id,
            status=status,
        )

        return review_claimed
