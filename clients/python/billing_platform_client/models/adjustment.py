from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Adjustment")


@_attrs_define
class Adjustment:
    """
    Attributes:
        account (str):
        amount (str):
        category (None | str):
        line_number (int | None):
        memo (None | str):
    """

    account: str
    amount: str
    category: None | str
    line_number: int | None
    memo: None | str

    def to_dict(self) -> dict[str, Any]:
        account = self.account

        amount = self.amount

        category: None | str
        category = self.category

        line_number: int | None
        line_number = self.line_number

        memo: None | str
        memo = self.memo

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "account": account,
                "amount": amount,
                "category": category,
                "line_number": line_number,
                "memo": memo,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        account = d.pop("account")

        amount = d.pop("amount")

        def _parse_category(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        category = _parse_category(d.pop("category"))

        def _parse_line_number(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        line_number = _parse_line_number(d.pop("line_number"))

        def _parse_memo(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        memo = _parse_memo(d.pop("memo"))

        adjustment = cls(
            account=account,
            amount=amount,
            category=category,
            line_number=line_number,
            memo=memo,
        )

        return adjustment
