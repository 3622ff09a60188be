from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="PrTotals")


@_attrs_define
class PrTotals:
    """
    Attributes:
        coinsurance (str):
        copay (str):
        deductible (str):
        other (str):
        other_payers_paid (str):
        patient_paid (str):
    """

    coinsurance: str
    copay: str
    deductible: str
    other: str
    other_payers_paid: str
    patient_paid: str

    def to_dict(self) -> dict[str, Any]:
        coinsurance = self.coinsurance

        copay = self.copay

        deductible = self.deductible

        other = self.other

        other_payers_paid = self.other_payers_paid

        patient_paid = self.patient_paid

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "coinsurance": coinsurance,
                "copay": copay,
                "deductible": deductible,
                "other": other,
                "other_payers_paid": other_payers_paid,
                "patient_paid": patient_paid,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        coinsurance = d.pop("coinsurance")

        copay = d.pop("copay")

        deductible = d.pop("deductible")

        other = d.pop("other")

        other_payers_paid = d.pop("other_payers_paid")

        patient_paid = d.pop("patient_paid")

        pr_totals = cls(
            coinsurance=coinsurance,
            copay=copay,
            deductible=deductible,
            other=other,
            other_payers_paid=other_payers_paid,
            patient_paid=patient_paid,
        )

        return pr_totals
