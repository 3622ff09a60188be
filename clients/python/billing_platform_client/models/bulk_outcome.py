from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BulkOutcome")


@_attrs_define
class BulkOutcome:
    """
    Attributes:
        denial_id (str):
        status (int): What this denial alone would have answered: 200, 404, 409 or 422
        denial_status (None | str | Unset):
        detail (None | str | Unset):
    """

    denial_id: str
    status: int
    denial_status: None | str | Unset = UNSET
    detail: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        denial_id = self.denial_id

        status = self.status

        denial_status: None | str | Unset
        if isinstance(self.denial_status, Unset):
            denial_status = UNSET
        else:
            denial_status = self.denial_status

        detail: None | str | Unset
        if isinstance(self.detail, Unset):
            detail = UNSET
        else:
            detail = self.detail

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "denial_id": denial_id,
                "status": status,
            }
        )
        if denial_status is not UNSET:
            field_dict["denial_status"] = denial_status
        if detail is not UNSET:
            field_dict["detail"] = detail

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        denial_id = d.pop("denial_id")

        status = d.pop("status")

        def _parse_denial_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        denial_status = _parse_denial_status(d.pop("denial_status", UNSET))

        def _parse_detail(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        detail = _parse_detail(d.pop("detail", UNSET))

        bulk_outcome = cls(
            denial_id=denial_id,
            status=status,
            denial_status=denial_status,
            detail=detail,
        )

        return bulk_outcome
