from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.claim_fixed_edits_item import ClaimFixedEditsItem


T = TypeVar("T", bound="ClaimFixed")


@_attrs_define
class ClaimFixed:
    """
    Attributes:
        claim_id (UUID):
        edits (list[ClaimFixedEditsItem]):
        status (str):
    """

    claim_id: UUID
    edits: list[ClaimFixedEditsItem]
    status: str

    def to_dict(self) -> dict[str, Any]:
        claim_id = str(self.claim_id)

        edits = []
        for edits_item_data in self.edits:
            edits_item = edits_item_data.to_dict()
            edits.append(edits_item)

        status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "claim_id": claim_id,
                "edits": edits,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.claim_fixed_edits_item import ClaimFixedEditsItem

        d = dict(src_dict)
        claim_id = UUID(d.pop("claim_id"))

        edits = []
        _edits = d.pop("edits")
        for edits_item_data in _edits:
            edits_item = ClaimFixedEditsItem.from_dict(edits_item_data)

            edits.append(edits_item)

        status = d.pop("status")

        claim_fixed = cls(
            claim_id=claim_id,
            edits=edits,
            status=status,
        )

        return claim_fixed
