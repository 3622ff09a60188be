from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.patient_account_aging import PatientAccountAging
    from ..models.patient_claim import PatientClaim
    from ..models.pr_totals import PrTotals
    from ..models.statement_cycle import StatementCycle


T = TypeVar("T", bound="PatientAccount")


@_attrs_define
class PatientAccount:
    """
    Attributes:
        aging (PatientAccountAging): Open balance by age bucket (0-30, 31-60, ... 120+)
        amount_due (str):
        as_of (datetime.date):
        balance (str):
        claims (list[PatientClaim]):
        credit (str): Overpayment held on account
        patient_id (str):
        statement_cycle (StatementCycle):
        totals (PrTotals):
    """

    aging: PatientAccountAging
    amount_due: str
    as_of: datetime.date
    balance: str
    claims: list[PatientClaim]
    credit: str
    patient_id: str
    statement_cycle: StatementCycle
    totals: PrTotals

    def to_dict(self) -> dict[str, Any]:
        aging = self.aging.to_dict()

        amount_due = self.amount_due

        as_of = self.as_of.isoformat()

        balance = self.balance

        claims = []
        for claims_item_data in self.claims:
            claims_item = claims_item_data.to_dict()
            claims.append(claims_item)

        credit = self.credit

        patient_id = self.patient_id

        statement_cycle = self.statement_cycle.to_dict()

        totals = self.totals.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "aging": aging,
                "amount_due": amount_due,
                "as_of": as_of,
                "balance": balance,
                "claims": claims,
                "credit": credit,
                "patient_id": patient_id,
                "statement_cycle": statement_cycle,
                "totals": totals,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.patient_account_aging import PatientAccountAging
        from ..models.patient_claim import PatientClaim
        from ..models.pr_totals import PrTotals
        from ..models.statement_cycle import StatementCycle

        d = dict(src_dict)
        aging = PatientAccountAging.from_dict(d.pop("aging"))

        amount_due = d.pop("amount_due")

        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        balance = d.pop("balance")

        claims = []
        _claims = d.pop("claims")
        for claims_item_data in _claims:
            claims_item = PatientClaim.from_dict(claims_item_data)

            claims.append(claims_item)

        credit = d.pop("credit")

        patient_id = d.pop("patient_id")

        statement_cycle = StatementCycle.from_dict(d.pop("statement_cycle"))

        totals = PrTotals.from_dict(d.pop("totals"))

        patient_account = cls(
            aging=aging,
            amount_due=amount_due,
            as_of=as_of,
            balance=balance,
            claims=claims,
            credit=credit,
            patient_id=patient_id,
            statement_cycle=statement_cycle,
            totals=totals,
        )

        return patient_account
