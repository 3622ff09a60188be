from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CodingSettings")


@_attrs_define
class CodingSettings:
    """Replaced as a whole: omitted fields take their defaults, so auto-accept stays off unless sent as true.

    Attributes:
        accept_below_target_precision (bool | Unset): Required with auto_accept when the measured precision at the
            threshold is below the target (see GET): the tenant accepts that error rate. Default: False.
        auto_accept (bool | Unset): Bill codes suggested from the note alone without a coder's review (confidence at or
            above the threshold). Default: False.
        auto_accept_threshold (float | None | Unset): Note suggestions at or above it may be coded without review; null
            returns to the default.
    """

    accept_below_target_precision: bool | Unset = False
    auto_accept: bool | Unset = False
    auto_accept_threshold: float | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        accept_below_target_precision = self.accept_below_target_precision

        auto_accept = self.auto_accept

        auto_accept_threshold: float | None | Unset
        if isinstance(self.auto_accept_threshold, Unset):
            auto_accept_threshold = UNSET
        else:
            auto_accept_threshold = self.auto_accept_threshold

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if accept_below_target_precision is not UNSET:
            field_dict["accept_below_target_precision"] = accept_below_target_precision
        if auto_accept is not UNSET:
            field_dict["auto_accept"] = auto_accept
        if auto_accept_threshold is not UNSET:
            field_dict["auto_accept_threshold"] = auto_accept_threshold

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        accept_below_target_precision = d.pop("accept_below_target_precision", UNSET)

        auto_accept = d.pop("auto_accept", UNSET)

        def _parse_auto_accept_threshold(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        auto_accept_threshold = _parse_auto_accept_threshold(
            d.pop("auto_accept_threshold", UNSET)
        )

        coding_settings = cls(
            accept_below_target_precision=accept_below_target_precision,
            auto_accept=auto_accept,
            auto_accept_threshold=auto_accept_threshold,
        )

        return coding_settings
