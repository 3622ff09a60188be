from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.encounter_failure import EncounterFailure


T = TypeVar("T", bound="EncounterView")


@_attrs_define
class EncounterView:
    """`received` until coding has the encounter (then coding's fields join); `failed`, with the reason,
    while an event of it sits dead-lettered.

        Attributes:
            encounter_id (UUID):
            external_id (str):
            status (str):
            assigned_to (None | str | Unset):
            claim_id (None | Unset | UUID):
            diagnoses (list[Any] | Unset):
            edits (list[Any] | Unset):
            failure (EncounterFailure | None | Unset):
            procedures (list[Any] | Unset):
            received_at (datetime.datetime | None | Unset):
            suggestions (list[Any] | Unset):
            updated_at (datetime.datetime | None | Unset):
    """

    encounter_id: UUID
    external_id: str
    status: str
    assigned_to: None | str | Unset = UNSET
    claim_id: None | Unset | UUID = UNSET
    diagnoses: list[Any] | Unset = UNSET
    edits: list[Any] | Unset = UNSET
    failure: EncounterFailure | None | Unset = UNSET
    procedures: list[Any] | Unset = UNSET
    received_at: datetime.datetime | None | Unset = UNSET
    suggestions: list[Any] | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.encounter_failure import EncounterFailure

        encounter_id = str(self.encounter_id)

        external_id = self.external_id

        status = self.status

        assigned_to: None | str | Unset
        if isinstance(self.assigned_to, Unset):
            assigned_to = UNSET
        else:
            assigned_to = self.assigned_to

        claim_id: None | str | Unset
        if isinstance(self.claim_id, Unset):
            claim_id = UNSET
        elif isinstance(self.claim_id, UUID):
            claim_id = str(self.claim_id)
        else:
            claim_id = self.claim_id

        diagnoses: list[Any] | Unset = UNSET
        if not isinstance(self.diagnoses, Unset):
            diagnoses = self.diagnoses

        edits: list[Any] | Unset = UNSET
        if not isinstance(self.edits, Unset):
            edits = self.edits

        failure: dict[str, Any] | None | Unset
        if isinstance(self.failure, Unset):
            failure = UNSET
        elif isinstance(self.failure, EncounterFailure):
            failure = self.failure.to_dict()
        else:
            failure = self.failure

        procedures: list[Any] | Unset = UNSET
        if not isinstance(self.procedures, Unset):
            procedures = self.procedures

        received_at: None | str | Unset
        if isinstance(self.received_at, Unset):
            received_at = UNSET
        elif isinstance(self.received_at, datetime.datetime):
            received_at = self.received_at.isoformat()
        else:
            received_at = self.received_at

        suggestions: list[Any] | Unset = UNSET
        if not isinstance(self.suggestions, Unset):
            suggestions = self.suggestions

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "encounter_id": encounter_id,
                "external_id": external_id,
                "status": status,
            }
        )
        if assigned_to is not UNSET:
            field_dict["assigned_to"] = assigned_to
        if claim_id is not UNSET:
            field_dict["claim_id"] = claim_id
        if diagnoses is not UNSET:
            field_dict["diagnoses"] = diagnoses
        if edits is not UNSET:
            field_dict["edits"] = edits
        if failure is not UNSET:
            field_dict["failure"] = failure
        if procedures is not UNSET:
            field_dict["procedures"] = procedures
        if received_at is not UNSET:
            field_dict["received_at"] = received_at
        if suggestions is not UNSET:
            field_dict["suggestions"] = suggestions
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.encounter_failure import EncounterFailure

        d = dict(src_dict)
        encounter_id = UUID(d.pop("encounter_id"))

        external_id = d.pop("external_id")

        status = d.pop("status")

        def _parse_assigned_to(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        assigned_to = _parse_assigned_to(d.pop("assigned_to", UNSET))

        def _parse_claim_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                claim_id_type_0 = UUID(data)

                return claim_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        claim_id = _parse_claim_id(d.pop("claim_id", UNSET))

        diagnoses = cast(list[Any], d.pop("diagnoses", UNSET))

        edits = cast(list[Any], d.pop("edits", UNSET))

        def _parse_failure(data: object) -> EncounterFailure | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                failure_type_0 = EncounterFailure.from_dict(data)

                return failure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EncounterFailure | None | Unset, data)

        failure = _parse_failure(d.pop("failure", UNSET))

        procedures = cast(list[Any], d.pop("procedures", UNSET))

        def _parse_received_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                received_at_type_0 = datetime.datetime.fromisoformat(data)

                return received_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        received_at = _parse_received_at(d.pop("received_at", UNSET))

        suggestions = cast(list[Any], d.pop("suggestions", UNSET))

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

        encounter_view = cls(
            encounter_id=encounter_id,
            external_id=external_id,
            status=status,
            assigned_to=assigned_to,
            claim_id=claim_id,
            diagnoses=diagnoses,
            edits=edits,
            failure=failure,
            procedures=procedures,
            received_at=received_at,
            suggestions=suggestions,
            updated_at=updated_at,
        )

        return encounter_view
