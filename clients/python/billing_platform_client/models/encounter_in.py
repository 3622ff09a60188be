from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.coverage import Coverage
    from ..models.patient import Patient
    from ..models.procedure_line import ProcedureLine
    from ..models.provider import Provider


T = TypeVar("T", bound="EncounterIn")


@_attrs_define
class EncounterIn:
    """
    Attributes:
        coverage (Coverage):
        date_of_service (datetime.date):
        external_id (str):
        patient (Patient):
        place_of_service (str):
        rendering_provider (Provider):
        diagnoses (list[str] | Unset):
        note (None | str | Unset):
        other_coverages (list[Coverage] | Unset): Secondary, then tertiary coverage: each billed after the payer before
            it has answered.
        prior_authorization (None | str | Unset):
        procedures (list[ProcedureLine] | Unset):
        referring_provider (None | Provider | Unset): Who referred or ordered the service (837P 2310A); Medicare
            requires it on lab and imaging.
    """

    coverage: Coverage
    date_of_service: datetime.date
    external_id: str
    patient: Patient
    place_of_service: str
    rendering_provider: Provider
    diagnoses: list[str] | Unset = UNSET
    note: None | str | Unset = UNSET
    other_coverages: list[Coverage] | Unset = UNSET
    prior_authorization: None | str | Unset = UNSET
    procedures: list[ProcedureLine] | Unset = UNSET
    referring_provider: None | Provider | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.provider import Provider

        coverage = self.coverage.to_dict()

        date_of_service = self.date_of_service.isoformat()

        external_id = self.external_id

        patient = self.patient.to_dict()

        place_of_service = self.place_of_service

        rendering_provider = self.rendering_provider.to_dict()

        diagnoses: list[str] | Unset = UNSET
        if not isinstance(self.diagnoses, Unset):
            diagnoses = self.diagnoses

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        other_coverages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.other_coverages, Unset):
            other_coverages = []
            for other_coverages_item_data in self.other_coverages:
                other_coverages_item = other_coverages_item_data.to_dict()
                other_coverages.append(other_coverages_item)

        prior_authorization: None | str | Unset
        if isinstance(self.prior_authorization, Unset):
            prior_authorization = UNSET
        else:
            prior_authorization = self.prior_authorization

        procedures: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.procedures, Unset):
            procedures = []
            for procedures_item_data in self.procedures:
                procedures_item = procedures_item_data.to_dict()
                procedures.append(procedures_item)

        referring_provider: dict[str, Any] | None | Unset
        if isinstance(self.referring_provider, Unset):
            referring_provider = UNSET
        elif isinstance(self.referring_provider, Provider):
            referring_provider = self.referring_provider.to_dict()
        else:
            referring_provider = self.referring_provider

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "coverage": coverage,
                "date_of_service": date_of_service,
                "external_id": external_id,
                "patient": patient,
                "place_of_service": place_of_service,
                "rendering_provider": rendering_provider,
            }
        )
        if diagnoses is not UNSET:
            field_dict["diagnoses"] = diagnoses
        if note is not UNSET:
            field_dict["note"] = note
        if other_coverages is not UNSET:
            field_dict["other_coverages"] = other_coverages
        if prior_authorization is not UNSET:
            field_dict["prior_authorization"] = prior_authorization
        if procedures is not UNSET:
            field_dict["procedures"] = procedures
        if referring_provider is not UNSET:
            field_dict["referring_provider"] = referring_provider

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.coverage import Coverage
        from ..models.patient import Patient
        from ..models.procedure_line import ProcedureLine
        from ..models.provider import Provider

        d = dict(src_dict)
        coverage = Coverage.from_dict(d.pop("coverage"))

        date_of_service = datetime.date.fromisoformat(d.pop("date_of_service"))

        external_id = d.pop("external_id")

        patient = Patient.from_dict(d.pop("patient"))

        place_of_service = d.pop("place_of_service")

        rendering_provider = Provider.from_dict(d.pop("rendering_provider"))

        diagnoses = cast(list[str], d.pop("diagnoses", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        _other_coverages = d.pop("other_coverages", UNSET)
        other_coverages: list[Coverage] | Unset = UNSET
        if _other_coverages is not UNSET:
            other_coverages = []
            for other_coverages_item_data in _other_coverages:
                other_coverages_item = Coverage.from_dict(other_coverages_item_data)

                other_coverages.append(other_coverages_item)

        def _parse_prior_authorization(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prior_authorization = _parse_prior_authorization(
            d.pop("prior_authorization", UNSET)
        )

        _procedures = d.pop("procedures", UNSET)
        procedures: list[ProcedureLine] | Unset = UNSET
        if _procedures is not UNSET:
            procedures = []
            for procedures_item_data in _procedures:
                procedures_item = ProcedureLine.from_dict(procedures_item_data)

                procedures.append(procedures_item)

        def _parse_referring_provider(data: object) -> None | Provider | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                referring_provider_type_0 = Provider.from_dict(data)

                return referring_provider_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Provider | Unset, data)

        referring_provider = _parse_referring_provider(
            d.pop("referring_provider", UNSET)
        )

        encounter_in = cls(
            coverage=coverage,
            date_of_service=date_of_service,
            external_id=external_id,
            patient=patient,
            place_of_service=place_of_service,
            rendering_provider=rendering_provider,
            diagnoses=diagnoses,
            note=note,
            other_coverages=other_coverages,
            prior_authorization=prior_authorization,
            procedures=procedures,
            referring_provider=referring_provider,
        )

        return encounter_in
