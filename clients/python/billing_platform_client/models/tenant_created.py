from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TenantCreated")


@_attrs_define
class TenantCreated:
    """
    Attributes:
        api_key (str): Shown once; only its hash is stored.
        key_id (UUID):
        scopes (list[str]):
        tenant_id (UUID):
    """

    api_key: str
    key_id: UUID
    scopes: list[str]
    tenant_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_key = self.api_key

        key_id = str(self.key_id)

        scopes = self.scopes

        tenant_id = str(self.tenant_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_key": api_key,
                "key_id": key_id,
                "scopes": scopes,
                "tenant_id": tenant_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        api_key = d.pop("api_key")

        key_id = UUID(d.pop("key_id"))

        scopes = cast(list[str], d.pop("scopes"))

        tenant_id = UUID(d.pop("tenant_id"))

        tenant_created = cls(
            api_key=api_key,
            key_id=key_id,
            scopes=scopes,
            tenant_id=tenant_id,
        )

        tenant_created.additional_properties = d
        return tenant_created

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
