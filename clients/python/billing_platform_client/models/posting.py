from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.posting_kind import PostingKind

T = TypeVar("T", bound="Posting")


@_attrs_define
class Posting:
    """
    Attributes:
        amount (str):
        kind (PostingKind):
        payer_claim_number (None | str):
        posted_at (datetime.datetime):
        remit_id (None | UUID):
    """

    amount: str
    kind: PostingKind
    payer_claim_number: None | str
    posted_at: datetime.datetime
    remit_id: None | UUID

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        kind = self.kind.value

        payer_claim_number: None | str
        payer_claim_number = self.payer_claim_number

        posted_at = self.posted_at.isoformat()

        remit_id: None | str
        if isinstance(self.remit_id, UUID):
            remit_id = str(self.remit_id)
        else:
            remit_id = self.remit_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "kind": kind,
                "payer_claim_number": payer_claim_number,
                "posted_at": posted_at,
                "remit_id": remit_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        kind = PostingKind(d.pop("kind"))

        def _parse_payer_claim_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payer_claim_number = _parse_payer_claim_number(d.pop("payer_claim_number"))

        posted_at = datetime.datetime.fromisoformat(d.pop("posted_at"))

        def _parse_remit_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                remit_id_type_0 = UUID(data)

                return remit_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        remit_id = _parse_remit_id(d.pop("remit_id"))

        posting = cls(
            amount=amount,
            kind=kind,
            payer_claim_number=payer_claim_number,
            posted_at=posted_at,
            remit_id=remit_id,
        )

        return posting
