from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.denial_action_detail import DenialActionDetail


T = TypeVar("T", bound="DenialAction")


@_attrs_define
class DenialAction:
    """
    Attributes:
        action (str):
        actor (str):
        at (datetime.datetime):
        detail (DenialActionDetail):
    """

    action: str
    actor: str
    at: datetime.datetime
    detail: DenialActionDetail

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        actor = self.actor

        at = self.at.isoformat()

        detail = self.detail.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
                "actor": actor,
                "at": at,
                "detail": detail,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.denial_action_detail import DenialActionDetail

        d = dict(src_dict)
        action = d.pop("action")

        actor = d.pop("actor")

        at = datetime.datetime.fromisoformat(d.pop("at"))

        detail = DenialActionDetail.from_dict(d.pop("detail"))

        denial_action = cls(
            action=action,
            actor=actor,
            at=at,
            detail=detail,
        )

        return denial_action
