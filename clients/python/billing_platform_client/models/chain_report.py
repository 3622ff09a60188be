from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ChainReport")


@_attrs_define
class ChainReport:
    """
    Attributes:
        entries (int):
        last_hash (str):
        ok (bool):
        first_bad_seq (int | None | Unset):
        reason (None | str | Unset):
    """

    entries: int
    last_hash: str
    ok: bool
    first_bad_seq: int | None | Unset = UNSET
    reason: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        entries = self.entries

        last_hash = self.last_hash

        ok = self.ok

        first_bad_seq: int | None | Unset
        if isinstance(self.first_bad_seq, Unset):
            first_bad_seq = UNSET
        else:
            first_bad_seq = self.first_bad_seq

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "entries": entries,
                "last_hash": last_hash,
                "ok": ok,
            }
        )
        if first_bad_seq is not UNSET:
            field_dict["first_bad_seq"] = first_bad_seq
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        entries = d.pop("entries")

        last_hash = d.pop("last_hash")

        ok = d.pop("ok")

        def _parse_first_bad_seq(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        first_bad_seq = _parse_first_bad_seq(d.pop("first_bad_seq", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        chain_report = cls(
            entries=entries,
            last_hash=last_hash,
            ok=ok,
            first_bad_seq=first_bad_seq,
            reason=reason,
        )

        chain_report.additional_properties = d
        return chain_report

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
