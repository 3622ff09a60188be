from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.corrected_procedure import CorrectedProcedure


T = TypeVar("T", bound="ClaimCorrection")


@_attrs_define
class ClaimCorrection:
    """What changes on the replacement claim; anything left out stays as billed.

    Attributes:
        reason (str):
        diagnoses (list[str] | None | Unset):
        prior_authorization (None | str | Unset):
        procedures (list[CorrectedProcedure] | None | Unset):
    """

    reason: str
    diagnoses: list[str] | None | Unset = UNSET
    prior_authorization: None | str | Unset = UNSET
    procedures: list[CorrectedProcedure] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        diagnoses: list[str] | None | Unset
        if isinstance(self.diagnoses, Unset):
            diagnoses = UNSET
        elif isinstance(self.diagnoses, list):
            diagnoses = self.diagnoses

        else:
            diagnoses = self.diagnoses

        prior_authorization: None | str | Unset
        if isinstance(self.prior_authorization, Unset):
            prior_authorization = UNSET
        else:
            prior_authorization = self.prior_authorization

        procedures: list[dict[str, Any]] | None | Unset
        if isinstance(self.procedures, Unset):
            procedures = UNSET
        elif isinstance(self.procedures, list):
            procedures = []
            for procedures_type_0_item_data in self.procedures:
                procedures_type_0_item = procedures_type_0_item_data.to_dict()
                procedures.append(procedures_type_0_item)

        else:
            procedures = self.procedures

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reason": reason,
            }
        )
        if diagnoses is not UNSET:
            field_dict["diagnoses"] = diagnoses
        if prior_authorization is not UNSET:
            field_dict["prior_authorization"] = prior_authorization
        if procedures is not UNSET:
            field_dict["procedures"] = procedures

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.corrected_procedure import CorrectedProcedure

        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_diagnoses(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                diagnoses_type_0 = cast(list[str], data)

                return diagnoses_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        diagnoses = _parse_diagnoses(d.pop("diagnoses", UNSET))

        def _parse_prior_authorization(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prior_authorization = _parse_prior_authorization(
            d.pop("prior_authorization", UNSET)
        )

        def _parse_procedures(data: object) -> list[CorrectedProcedure] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                procedures_type_0 = []
                _procedures_type_0 = data
                for procedures_type_0_item_data in _procedures_type_0:
                    procedures_type_0_item = CorrectedProcedure.from_dict(
                        procedures_type_0_item_data
                    )

                    procedures_type_0.append(procedures_type_0_item)

                return procedures_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CorrectedProcedure] | None | Unset, data)

        procedures = _parse_procedures(d.pop("procedures", UNSET))

        claim_correction = cls(
            reason=reason,
            diagnoses=diagnoses,
            prior_authorization=prior_authorization,
            procedures=procedures,
        )

        claim_correction.additional_properties = d
        return claim_correction

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
