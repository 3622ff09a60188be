from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="OpsKeyIssued")


@_attrs_define
class OpsKeyIssued:
    """
    Attributes:
        api_key (str): Shown once; only its hash is stored.
        key_id (UUID):
        prefix (str):
        scopes (list[str]):
    """

    api_key: str
    key_id: UUID
    prefix: str
    scopes: list[str]

    def to_dict(self) -> dict[str, Any]:
        api_key = self.api_key

        key_id = str(self.key_id)

        prefix = self.prefix

        scopes = self.scopes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "api_key": api_key,
                "key_id": key_id,
                "prefix": prefix,
                "scopes": scopes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        api_key = d.pop("api_key")

        key_id = UUID(d.pop("key_id"))

        prefix = d.pop("prefix")

        scopes = cast(list[str], d.pop("scopes"))

        ops_key_issued = cls(
            api_key=api_key,
            key_id=key_id,
            prefix=prefix,
            scopes=scopes,
        )

        return ops_key_issued
