from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PayerProfile")


@_attrs_define
class PayerProfile:
    """What billing needs to know of a payer: where claims go, its deadlines and its program (SBR09).

    Attributes:
        appeal_days (int):
        expected_days (int):
        name (str):
        timely_filing_days (int):
        x12_payer_id (str):
        claim_filing_indicator (str | Unset): X12 SBR09: MB Medicare Part B, MC Medicaid, BL Blues, CI commercial, CH
            Tricare, WC workers' compensation, ... Default: 'CI'.
    """

    appeal_days: int
    expected_days: int
    name: str
    timely_filing_days: int
    x12_payer_id: str
    claim_filing_indicator: str | Unset = "CI"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        appeal_days = self.appeal_days

        expected_days = self.expected_days

        name = self.name

        timely_filing_days = self.timely_filing_days

        x12_payer_id = self.x12_payer_id

        claim_filing_indicator = self.claim_filing_indicator

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "appeal_days": appeal_days,
                "expected_days": expected_days,
                "name": name,
                "timely_filing_days": timely_filing_days,
                "x12_payer_id": x12_payer_id,
            }
        )
        if claim_filing_indicator is not UNSET:
            field_dict["claim_filing_indicator"] = claim_filing_indicator

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        appeal_days = d.pop("appeal_days")

        expected_days = d.pop("expected_days")

        name = d.pop("name")

        timely_filing_days = d.pop("timely_filing_days")

        x12_payer_id = d.pop("x12_payer_id")

        claim_filing_indicator = d.pop("claim_filing_indicator", UNSET)

        payer_profile = cls(
            appeal_days=appeal_days,
            expected_days=expected_days,
            name=name,
            timely_filing_days=timely_filing_days,
            x12_payer_id=x12_payer_id,
            claim_filing_indicator=claim_filing_indicator,
        )

        payer_profile.additional_properties = d
        return payer_profile

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
