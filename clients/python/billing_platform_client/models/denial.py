from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.denial_level import DenialLevel
from ..models.denial_sla import DenialSla

T = TypeVar("T", bound="Denial")


@_attrs_define
class Denial:
    """
    Attributes:
        acted_at (datetime.datetime | None):
        amount (str):
        appeal_deadline (datetime.date):
        assignee (None | str):
        business_days_to_sla (int):
        carc_codes (list[str]):
        category (str):
        claim_id (UUID):
        days_to_appeal_deadline (int):
        denial_id (UUID):
        explanation (list[Any]):
        level (DenialLevel):
        line_number (int | None):
        opened_at (datetime.datetime | None):
        partial (bool):
        payer_claim_number (None | str):
        payer_id (str):
        preventable (bool):
        priority (int):
        procedure_code (None | str):
        rarc_codes (list[str]):
        recommended_action (str):
        remit_id (str):
        resolved_at (datetime.datetime | None):
        sla (DenialSla):
        sla_due (datetime.date):
        status (str):
    """

    acted_at: datetime.datetime | None
    amount: str
    appeal_deadline: datetime.date
    assignee: None | str
    business_days_to_sla: int
    carc_codes: list[str]
    category: str
    claim_id: UUID
    days_to_appeal_deadline: int
    denial_id: UUID
    explanation: list[Any]
    level: DenialLevel
    line_number: int | None
    opened_at: datetime.datetime | None
    partial: bool
    payer_claim_number: None | str
    payer_id: str
    preventable: bool
    priority: int
    procedure_code: None | str
    rarc_codes: list[str]
    recommended_action: str
    remit_id: str
    resolved_at: datetime.datetime | None
    sla: DenialSla
    sla_due: datetime.date
    status: str

    def to_dict(self) -> dict[str, Any]:
        acted_at: None | str
        if isinstance(self.acted_at, datetime.datetime):
            acted_at = self.acted_at.isoformat()
        else:
            acted_at = self.acted_at

        amount = self.amount

        appeal_deadline = self.appeal_deadline.isoformat()

        assignee: None | str
        assignee = self.assignee

        business_days_to_sla = self.business_days_to_sla

        carc_codes = self.carc_codes

        category = self.category

        claim_id = str(self.claim_id)

        days_to_appeal_deadline = self.days_to_appeal_deadline

        denial_id = str(self.denial_id)

        explanation = self.explanation

        level = self.level.value

        line_number: int | None
        line_number = self.line_number

        opened_at: None | str
        if isinstance(self.opened_at, datetime.datetime):
            opened_at = self.opened_at.isoformat()
        else:
            opened_at = self.opened_at

        partial = self.partial

        payer_claim_number: None | str
        payer_claim_number = self.payer_claim_number

        payer_id = self.payer_id

        preventable = self.preventable

        priority = self.priority

        procedure_code: None | str
        procedure_code = self.procedure_code

        rarc_codes = self.rarc_codes

        recommended_action = self.recommended_action

        remit_id = self.remit_id

        resolved_at: None | str
        if isinstance(self.resolved_at, datetime.datetime):
            resolved_at = self.resolved_at.isoformat()
        else:
            resolved_at = self.resolved_at

        sla = self.sla.value

        sla_due = self.sla_due.isoformat()

        status = self.status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "acted_at": acted_at,
                "amount": amount,
                "appeal_deadline": appeal_deadline,
                "assignee": assignee,
                "business_days_to_sla": business_days_to_sla,
                "carc_codes": carc_codes,
                "category": category,
                "claim_id": claim_id,
                "days_to_appeal_deadline": days_to_appeal_deadline,
                "denial_id": denial_id,
                "explanation": explanation,
                "level": level,
                "line_number": line_number,
                "opened_at": opened_at,
                "partial": partial,
                "payer_claim_number": payer_claim_number,
                "payer_id": payer_id,
                "preventable": preventable,
                "priority": priority,
                "procedure_code": procedure_code,
                "rarc_codes": rarc_codes,
                "recommended_action": recommended_action,
                "remit_id": remit_id,
                "resolved_at": resolved_at,
                "sla": sla,
                "sla_due": sla_due,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_acted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                acted_at_type_0 = datetime.datetime.fromisoformat(data)

                return acted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        acted_at = _parse_acted_at(d.pop("acted_at"))

        amount = d.pop("amount")

        appeal_deadline = datetime.date.fromisoformat(d.pop("appeal_deadline"))

        def _parse_assignee(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        assignee = _parse_assignee(d.pop("assignee"))

        business_days_to_sla = d.pop("business_days_to_sla")

        carc_codes = cast(list[str], d.pop("carc_codes"))

        category = d.pop("category")

        claim_id = UUID(d.pop("claim_id"))

        days_to_appeal_deadline = d.pop("days_to_appeal_deadline")

        denial_id = UUID(d.pop("denial_id"))

        explanation = cast(list[Any], d.pop("explanation"))

        level = DenialLevel(d.pop("level"))

        def _parse_line_number(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        line_number = _parse_line_number(d.pop("line_number"))

        def _parse_opened_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                opened_at_type_0 = datetime.datetime.fromisoformat(data)

                return opened_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        opened_at = _parse_opened_at(d.pop("opened_at"))

        partial = d.pop("partial")

        def _parse_payer_claim_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payer_claim_number = _parse_payer_claim_number(d.pop("payer_claim_number"))

        payer_id = d.pop("payer_id")

        preventable = d.pop("preventable")

        priority = d.pop("priority")

        def _parse_procedure_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        procedure_code = _parse_procedure_code(d.pop("procedure_code"))

        rarc_codes = cast(list[str], d.pop("rarc_codes"))

        recommended_action = d.pop("recommended_action")

        remit_id = d.pop("remit_id")

        def _parse_resolved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                resolved_at_type_0 = datetime.datetime.fromisoformat(data)

                return resolved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        resolved_at = _parse_resolved_at(d.pop("resolved_at"))

        sla = DenialSla(d.pop("sla"))

        sla_due = datetime.date.fromisoformat(d.pop("sla_due"))

        status = d.pop("status")

        denial = cls(
            acted_at=acted_at,
            amount=amount,
            appeal_deadline=appeal_deadline,
            assignee=assignee,
            business_days_to_sla=business_days_to_sla,
            carc_codes=carc_codes,
            category=category,
            claim_id=claim_id,
            days_to_appeal_deadline=days_to_appeal_deadline,
            denial_id=denial_id,
            explanation=explanation,
            level=level,
            line_number=line_number,
            opened_at=opened_at,
            partial=partial,
            payer_claim_number=payer_claim_number,
            payer_id=payer_id,
            preventable=preventable,
            priority=priority,
            procedure_code=procedure_code,
            rarc_codes=rarc_codes,
            recommended_action=recommended_action,
            remit_id=remit_id,
            resolved_at=resolved_at,
            sla=sla,
            sla_due=sla_due,
            status=status,
        )

        return denial
