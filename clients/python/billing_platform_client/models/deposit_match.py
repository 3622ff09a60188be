from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.deposit_recorded import DepositRecorded
    from ..models.remit_payment import RemitPayment


T = TypeVar("T", bound="DepositMatch")


@_attrs_define
class DepositMatch:
    """
    Attributes:
        deposit (DepositRecorded):
        remittance (RemitPayment):
    """

    deposit: DepositRecorded
    remittance: RemitPayment

    def to_dict(self) -> dict[str, Any]:
        deposit = self.deposit.to_dict()

        remittance = self.remittance.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "deposit": deposit,
                "remittance": remittance,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.deposit_recorded import DepositRecorded
        from ..models.remit_payment import RemitPayment

        d = dict(src_dict)
        deposit = DepositRecorded.from_dict(d.pop("deposit"))

        remittance = RemitPayment.from_dict(d.pop("remittance"))

        deposit_match = cls(
            deposit=deposit,
            remittance=remittance,
        )

        return deposit_match
