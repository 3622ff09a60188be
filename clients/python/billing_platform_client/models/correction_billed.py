from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.correction_billed_frequency_code import CorrectionBilledFrequencyCode

if TYPE_CHECKING:
    from ..models.correction_billed_edits_item import CorrectionBilledEditsItem


T = TypeVar("T", bound="CorrectionBilled")


@_attrs_define
class CorrectionBilled:
    """A replacement (frequency 7) or void (frequency 8) billed for an adjudicated claim.

    Attributes:
        claim_id (UUID):
        edits (list[CorrectionBilledEditsItem]):
        frequency_code (CorrectionBilledFrequencyCode):
        original_claim_id (UUID):
        status (str):
    """

    claim_id: UUID
    edits: list[CorrectionBilledEditsItem]
    frequency_code: CorrectionBilledFrequencyCode
    original_claim_id: UUID
    status: str

    def to_dict(self) -> dict[str, Any]:
        claim_id = str(self.claim_id)

        edits = []
        for edits_item_data in self.edits:
            edits_item = edits_item_data.to_dict()
            edits.append(edits_item)

        frequency_code = self.frequency_code.value

        original_claim_id = str(self.original_claim_id)

        status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "claim_id": claim_id,
                "edits": edits,
                "frequency_code": frequency_code,
                "original_claim_id": original_claim_id,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.correction_billed_edits_item import CorrectionBilledEditsItem

        d = dict(src_dict)
        claim_id = UUID(d.pop("claim_id"))

        edits = []
        _edits = d.pop("edits")
        for edits_item_data in _edits:
            edits_item = CorrectionBilledEditsItem.from_dict(edits_item_data)

            edits.append(edits_item)

        frequency_code = CorrectionBilledFrequencyCode(d.pop("frequency_code"))

        original_claim_id = UUID(d.pop("original_claim_id"))

        status = d.pop("status")

        correction_billed = cls(
            claim_id=claim_id,
            edits=edits,
            frequency_code=frequency_code,
            original_claim_id=original_claim_id,
            status=status,
        )

        return correction_billed
