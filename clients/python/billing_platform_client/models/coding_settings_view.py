from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..models.coding_settings_view_auto_accept_threshold_source import (
    CodingSettingsViewAutoAcceptThresholdSource,
)
from ..models.coding_settings_view_cpt_file import CodingSettingsViewCptFile

if TYPE_CHECKING:
    from ..models.measured_accuracy import MeasuredAccuracy


T = TypeVar("T", bound="CodingSettingsView")


@_attrs_define
class CodingSettingsView:
    """
    Attributes:
        accept_below_target_precision (bool):
        auto_accept (bool):
        auto_accept_in_effect (bool):
        auto_accept_off_reason (None | str):
        auto_accept_threshold (float):
        auto_accept_threshold_source (CodingSettingsViewAutoAcceptThresholdSource):
        cpt_codes (int):
        cpt_file (CodingSettingsViewCptFile):
        measured_at_threshold (MeasuredAccuracy):
        target_precision (float):
        updated_by (None | str):
        warning (None | str):
    """

    accept_below_target_precision: bool
    auto_accept: bool
    auto_accept_in_effect: bool
    auto_accept_off_reason: None | str
    auto_accept_threshold: float
    auto_accept_threshold_source: CodingSettingsViewAutoAcceptThresholdSource
    cpt_codes: int
    cpt_file: CodingSettingsViewCptFile
    measured_at_threshold: MeasuredAccuracy
    target_precision: float
    updated_by: None | str
    warning: None | str

    def to_dict(self) -> dict[str, Any]:
        accept_below_target_precision = self.accept_below_target_precision

        auto_accept = self.auto_accept

        auto_accept_in_effect = self.auto_accept_in_effect

        auto_accept_off_reason: None | str
        auto_accept_off_reason = self.auto_accept_off_reason

        auto_accept_threshold = self.auto_accept_threshold

        auto_accept_threshold_source = self.auto_accept_threshold_source.value

        cpt_codes = self.cpt_codes

        cpt_file = self.cpt_file.value

        measured_at_threshold = self.measured_at_threshold.to_dict()

        target_precision = self.target_precision

        updated_by: None | str
        updated_by = self.updated_by

        warning: None | str
        warning = self.warning

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "accept_below_target_precision": accept_below_target_precision,
                "auto_accept": auto_accept,
                "auto_accept_in_effect": auto_accept_in_effect,
                "auto_accept_off_reason": auto_accept_off_reason,
                "auto_accept_threshold": auto_accept_threshold,
                "auto_accept_threshold_source": auto_accept_threshold_source,
                "cpt_codes": cpt_codes,
                "cpt_file": cpt_file,
                "measured_at_threshold": measured_at_threshold,
                "target_precision": target_precision,
                "updated_by": updated_by,
                "warning": warning,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.measured_accuracy import MeasuredAccuracy

        d = dict(src_dict)
        accept_below_target_precision = d.pop("accept_below_target_precision")

        auto_accept = d.pop("auto_accept")

        auto_accept_in_effect = d.pop("auto_accept_in_effect")

        def _parse_auto_accept_off_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        auto_accept_off_reason = _parse_auto_accept_off_reason(
            d.pop("auto_accept_off_reason")
        )

        auto_accept_threshold = d.pop("auto_accept_threshold")

        auto_accept_threshold_source = CodingSettingsViewAutoAcceptThresholdSource(
            d.pop("auto_accept_threshold_source")
        )

        cpt_codes = d.pop("cpt_codes")

        cpt_file = CodingSettingsViewCptFile(d.pop("cpt_file"))

        measured_at_threshold = MeasuredAccuracy.from_dict(
            d.pop("measured_at_threshold")
        )

        target_precision = d.pop("target_precision")

        def _parse_updated_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        updated_by = _parse_updated_by(d.pop("updated_by"))

        def _parse_warning(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        warning = _parse_warning(d.pop("warning"))

        coding_settings_view = cls(
            accept_below_target_precision=accept_below_target_precision,
            auto_accept=auto_accept,
            auto_accept_in_effect=auto_accept_in_effect,
            auto_accept_off_reason=auto_accept_off_reason,
            auto_accept_threshold=auto_accept_threshold,
            auto_accept_threshold_source=auto_accept_threshold_source,
            cpt_codes=cpt_codes,
            cpt_file=cpt_file,
            measured_at_threshold=measured_at_threshold,
            target_precision=target_precision,
            updated_by=updated_by,
            warning=warning,
        )

        return coding_settings_view
