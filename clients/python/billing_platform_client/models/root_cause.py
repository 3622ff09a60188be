from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="RootCause")


@_attrs_define
class RootCause:
    """
    Attributes:
        amount (float):
        carc_codes (list[str]):
        category (str):
        denials (int):
        payer_id (str):
        preventable (bool):
        procedure_code (None | str):
        recommended_action (str):
    """

    amount: float
    carc_codes: list[str]
    category: str
    denials: int
    payer_id: str
    preventable: bool
    procedure_code: None | str
    recommended_action: str

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        carc_codes = self.carc_codes

        category = self.category

        denials = self.denials

        payer_id = self.payer_id

        preventable = self.preventable

        procedure_code: None | str
        procedure_code = self.procedure_code

        recommended_action = self.recommended_action

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "carc_codes": carc_codes,
                "category": category,
                "denials": denials,
                "payer_id": payer_id,
                "preventable": preventable,
                "procedure_code": procedure_code,
                "recommended_action": recommended_action,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        amount = d.pop("amount")

        carc_codes = cast(list[str], d.pop("carc_codes"))

        category = d.pop("category")

        denials = d.pop("denials")

        payer_id = d.pop("payer_id")

        preventable = d.pop("preventable")

        def _parse_procedure_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        procedure_code = _parse_procedure_code(d.pop("procedure_code"))

        recommended_action = d.pop("recommended_action")

        root_cause = cls(
            amount=amount,
            carc_codes=carc_codes,
            category=category,
            denials=denials,
            payer_id=payer_id,
            preventable=preventable,
            procedure_code=procedure_code,
            recommended_action=recommended_action,
        )

        return root_cause
