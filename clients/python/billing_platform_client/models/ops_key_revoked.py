from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="OpsKeyRevoked")


@_attrs_define
class OpsKeyRevoked:
    """
    Attributes:
        key_id (UUID):
        revoked (bool):
    """

    key_id: UUID
    revoked: bool

    def to_dict(self) -> dict[str, Any]:
        key_id = str(self.key_id)

        revoked = self.revoked

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "key_id": key_id,
                "revoked": revoked,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        key_id = UUID(d.pop("key_id"))

        revoked = d.pop("revoked")

        ops_key_revoked = cls(
            key_id=key_id,
            revoked=revoked,
        )

        return ops_key_revoked
