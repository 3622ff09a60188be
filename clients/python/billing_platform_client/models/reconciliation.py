from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.claim_checks import ClaimChecks
    from ..models.deposit_match import DepositMatch
    from ..models.deposit_recorded import DepositRecorded
    from ..models.remit_payment import RemitPayment


T = TypeVar("T", bound="Reconciliation")


@_attrs_define
class Reconciliation:
    """
    Attributes:
        amount_mismatches (list[DepositMatch]):
        claims (ClaimChecks):
        matched (list[DepositMatch]):
        unmatched_deposits (list[DepositRecorded]):
        unmatched_remittances (list[RemitPayment]):
    """

    amount_mismatches: list[DepositMatch]
    claims: ClaimChecks
    matched: list[DepositMatch]
    unmatched_deposits: list[DepositRecorded]
    unmatched_remittances: list[RemitPayment]

    def to_dict(self) -> dict[str, Any]:
        amount_mismatches = []
        for amount_mismatches_item_data in self.amount_mismatches:
            amount_mismatches_item = amount_mismatches_item_data.to_dict()
            amount_mismatches.append(amount_mismatches_item)

        claims = self.claims.to_dict()

        matched = []
        for matched_item_data in self.matched:
            matched_item = matched_item_data.to_dict()
            matched.append(matched_item)

        unmatched_deposits = []
        for unmatched_deposits_item_data in self.unmatched_deposits:
            unmatched_deposits_item = unmatched_deposits_item_data.to_dict()
            unmatched_deposits.append(unmatched_deposits_item)

        unmatched_remittances = []
        for unmatched_remittances_item_data in self.unmatched_remittances:
            unmatched_remittances_item = unmatched_remittances_item_data.to_dict()
            unmatched_remittances.append(unmatched_remittances_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount_mismatches": amount_mismatches,
                "claims": claims,
                "matched": matched,
                "unmatched_deposits": unmatched_deposits,
                "unmatched_remittances": unmatched_remittances,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.claim_checks import ClaimChecks
        from ..models.deposit_match import DepositMatch
        from ..models.deposit_recorded import DepositRecorded
        from ..models.remit_payment import RemitPayment

        d = dict(src_dict)
        amount_mismatches = []
        _amount_mismatches = d.pop("amount_mismatches")
        for amount_mismatches_item_data in _amount_mismatches:
            amount_mismatches_item = DepositMatch.from_dict(amount_mismatches_item_data)

            amount_mismatches.append(amount_mismatches_item)

        claims = ClaimChecks.from_dict(d.pop("claims"))

        matched = []
        _matched = d.pop("matched")
        for matched_item_data in _matched:
            matched_item = DepositMatch.from_dict(matched_item_data)

            matched.append(matched_item)

        unmatched_deposits = []
        _unmatched_deposits = d.pop("unmatched_deposits")
        for unmatched_deposits_item_data in _unmatched_deposits:
            unmatched_deposits_item = DepositRecorded.from_dict(
                unmatched_deposits_item_data
            )

            unmatched_deposits.append(unmatched_deposits_item)

        unmatched_remittances = []
        _unmatched_remittances = d.pop("unmatched_remittances")
        for unmatched_remittances_item_data in _unmatched_remittances:
            unmatched_remittances_item = RemitPayment.from_dict(
                unmatched_remittances_item_data
            )

            unmatched_remittances.append(unmatched_remittances_item)

        reconciliation = cls(
            amount_mismatches=amount_mismatches,
            claims=claims,
            matched=matched,
            unmatched_deposits=unmatched_deposits,
            unmatched_remittances=unmatched_remittances,
        )

        return reconciliation
