from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="ReviewDone")


@_attrs_define
class ReviewDone:
    """
    Attributes:
        claim_id (None | UUID):
        encounter_id (UUID):
        status (str):
    """

    claim_id: None | UUID
    encounter_id: UUID
    status: str

    def to_dict(self) -> dict[str, Any]:
        claim_id: None | str
        if isinstance(self.claim_id, UUID):
            claim_id = str(self.claim_id)
        else:
            claim_id = self.claim_id

        encounter_id = str(self.encounter_id)

        status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "claim_id": claim_id,
                "encounter_id": encounter_id,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_claim_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                claim_id_type_0 = UUID(data)

                return claim_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        claim_id = _parse_claim_id(d.pop("claim_id"))

        encounter_id = UUID(d.pop("encounter_id"))

        status = d.pop("status")

        review_done = cls(
            claim_id=claim_id,
            encounter_id=encounter_id,
            status=status,
        )

        return review_done
