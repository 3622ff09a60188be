from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.remit_accepted_status import RemitAcceptedStatus

T = TypeVar("T", bound="RemitAccepted")


@_attrs_define
class RemitAccepted:
    """
    Attributes:
        claims (int): Claim payments the 835 carries
        detail (None | str):
        remit_id (UUID):
        status (RemitAcceptedStatus):
    """

    claims: int
    detail: None | str
    remit_id: UUID
    status: RemitAcceptedStatus

    def to_dict(self) -> dict[str, Any]:
        claims = self.claims

        detail: None | str
        detail = self.detail

        remit_id = str(self.remit_id)

        status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "claims": claims,
                "detail": detail,
                "remit_id": remit_id,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        claims = d.pop("claims")

        def _parse_detail(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        detail = _parse_detail(d.pop("detail"))

        remit_id = UUID(d.pop("remit_id"))

        status = RemitAcceptedStatus(d.pop("status"))

        remit_accepted = cls(
            claims=claims,
            detail=detail,
            remit_id=remit_id,
            status=status,
        )

        return remit_accepted
