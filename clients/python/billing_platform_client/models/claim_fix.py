from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.claim_fix_coverage_type_0 import ClaimFixCoverageType0
    from ..models.claim_fix_diagnoses_type_0_item import ClaimFixDiagnosesType0Item
    from ..models.claim_fix_patient_type_0 import ClaimFixPatientType0
    from ..models.claim_fix_procedures_type_0_item import ClaimFixProceduresType0Item
    from ..models.claim_fix_referring_provider_type_0 import (
        ClaimFixReferringProviderType0,
    )
    from ..models.claim_fix_rendering_provider_type_0 import (
        ClaimFixRenderingProviderType0,
    )


T = TypeVar("T", bound="ClaimFix")


@_attrs_define
class ClaimFix:
    """Fields a biller may correct on a held or rejected claim; omitted ones stay as they are.

    Attributes:
        coverage (ClaimFixCoverageType0 | None | Unset):
        diagnoses (list[ClaimFixDiagnosesType0Item] | None | Unset):
        patient (ClaimFixPatientType0 | None | Unset):
        place_of_service (None | str | Unset):
        prior_authorization (None | str | Unset):
        procedures (list[ClaimFixProceduresType0Item] | None | Unset):
        referring_provider (ClaimFixReferringProviderType0 | None | Unset): The ordering or referring provider (837P
            2310A): added, or merged field by field.
        rendering_provider (ClaimFixRenderingProviderType0 | None | Unset):
    """

    coverage: ClaimFixCoverageType0 | None | Unset = UNSET
    diagnoses: list[ClaimFixDiagnosesType0Item] | None | Unset = UNSET
    patient: ClaimFixPatientType0 | None | Unset = UNSET
    place_of_service: None | str | Unset = UNSET
    prior_authorization: None | str | Unset = UNSET
    procedures: list[ClaimFixProceduresType0Item] | None | Unset = UNSET
    referring_provider: ClaimFixReferringProviderType0 | None | Unset = UNSET
    rendering_provider: ClaimFixRenderingProviderType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.claim_fix_coverage_type_0 import ClaimFixCoverageType0
        from ..models.claim_fix_patient_type_0 import ClaimFixPatientType0
        from ..models.claim_fix_referring_provider_type_0 import (
            ClaimFixReferringProviderType0,
        )
        from ..models.claim_fix_rendering_provider_type_0 import (
            ClaimFixRenderingProviderType0,
        )

        coverage: dict[str, Any] | None | Unset
        if isinstance(self.coverage, Unset):
            coverage = UNSET
        elif isinstance(self.coverage, ClaimFixCoverageType0):
            coverage = self.coverage.to_dict()
        else:
            coverage = self.coverage

        diagnoses: list[dict[str, Any]] | None | Unset
        if isinstance(self.diagnoses, Unset):
            diagnoses = UNSET
        elif isinstance(self.diagnoses, list):
            diagnoses = []
            for diagnoses_type_0_item_data in self.diagnoses:
                diagnoses_type_0_item = diagnoses_type_0_item_data.to_dict()
                diagnoses.append(diagnoses_type_0_item)

        else:
            diagnoses = self.diagnoses

        patient: dict[str, Any] | None | Unset
        if isinstance(self.patient, Unset):
            patient = UNSET
        elif isinstance(self.patient, ClaimFixPatientType0):
            patient = self.patient.to_dict()
        else:
            patient = self.patient

        place_of_service: None | str | Unset
        if isinstance(self.place_of_service, Unset):
            place_of_service = UNSET
        else:
            place_of_service = self.place_of_service

        prior_authorization: None | str | Unset
        if isinstance(self.prior_authorization, Unset):
            prior_authorization = UNSET
        else:
            prior_authorization = self.prior_authorization

        procedures: list[dict[str, Any]] | None | Unset
        if isinstance(self.procedures, Unset):
            procedures = UNSET
        elif isinstance(self.procedures, list):
            procedures = []
            for procedures_type_0_item_data in self.procedures:
                procedures_type_0_item = procedures_type_0_item_data.to_dict()
                procedures.append(procedures_type_0_item)

        else:
            procedures = self.procedures

        referring_provider: dict[str, Any] | None | Unset
        if isinstance(self.referring_provider, Unset):
            referring_provider = UNSET
        elif isinstance(self.referring_provider, ClaimFixReferringProviderType0):
            referring_provider = self.referring_provider.to_dict()
        else:
            referring_provider = self.referring_provider

        rendering_provider: dict[str, Any] | None | Unset
        if isinstance(self.rendering_provider, Unset):
            rendering_provider = UNSET
        elif isinstance(self.rendering_provider, ClaimFixRenderingProviderType0):
            rendering_provider = self.rendering_provider.to_dict()
        else:
            rendering_provider = self.rendering_provider

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if coverage is not UNSET:
            field_dict["coverage"] = coverage
        if diagnoses is not UNSET:
            field_dict["diagnoses"] = diagnoses
        if patient is not UNSET:
            field_dict["patient"] = patient
        if place_of_service is not UNSET:
            field_dict["place_of_service"] = place_of_service
        if prior_authorization is not UNSET:
            field_dict["prior_authorization"] = prior_authorization
        if procedures is not UNSET:
            field_dict["procedures"] = procedures
        if referring_provider is not UNSET:
            field_dict["referring_provider"] = referring_provider
        if rendering_provider is not UNSET:
            field_dict["rendering_provider"] = rendering_provider

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.claim_fix_coverage_type_0 import ClaimFixCoverageType0
        from ..models.claim_fix_diagnoses_type_0_item import ClaimFixDiagnosesType0Item
        from ..models.claim_fix_patient_type_0 import ClaimFixPatientType0
        from ..models.claim_fix_procedures_type_0_item import (
            ClaimFixProceduresType0Item,
        )
        from ..models.claim_fix_referring_provider_type_0 import (
            ClaimFixReferringProviderType0,
        )
        from ..models.claim_fix_rendering_provider_type_0 import (
            ClaimFixRenderingProviderType0,
        )

        d = dict(src_dict)

        def _parse_coverage(data: object) -> ClaimFixCoverageType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                coverage_type_0 = ClaimFixCoverageType0.from_dict(data)

                return coverage_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClaimFixCoverageType0 | None | Unset, data)

        coverage = _parse_coverage(d.pop("coverage", UNSET))

        def _parse_diagnoses(
            data: object,
        ) -> list[ClaimFixDiagnosesType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                diagnoses_type_0 = []
                _diagnoses_type_0 = data
                for diagnoses_type_0_item_data in _diagnoses_type_0:
                    diagnoses_type_0_item = ClaimFixDiagnosesType0Item.from_dict(
                        diagnoses_type_0_item_data
                    )

                    diagnoses_type_0.append(diagnoses_type_0_item)

                return diagnoses_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ClaimFixDiagnosesType0Item] | None | Unset, data)

        diagnoses = _parse_diagnoses(d.pop("diagnoses", UNSET))

        def _parse_patient(data: object) -> ClaimFixPatientType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                patient_type_0 = ClaimFixPatientType0.from_dict(data)

                return patient_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClaimFixPatientType0 | None | Unset, data)

        patient = _parse_patient(d.pop("patient", UNSET))

        def _parse_place_of_service(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        place_of_service = _parse_place_of_service(d.pop("place_of_service", UNSET))

        def _parse_prior_authorization(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        prior_authorization = _parse_prior_authorization(
            d.pop("prior_authorization", UNSET)
        )

        def _parse_procedures(
            data: object,
        ) -> list[ClaimFixProceduresType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                procedures_type_0 = []
                _procedures_type_0 = data
                for procedures_type_0_item_data in _procedures_type_0:
                    procedures_type_0_item = ClaimFixProceduresType0Item.from_dict(
                        procedures_type_0_item_data
                    )

                    procedures_type_0.append(procedures_type_0_item)

                return procedures_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ClaimFixProceduresType0Item] | None | Unset, data)

        procedures = _parse_procedures(d.pop("procedures", UNSET))

        def _parse_referring_provider(
            data: object,
        ) -> ClaimFixReferringProviderType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                referring_provider_type_0 = ClaimFixReferringProviderType0.from_dict(
                    data
                )

                return referring_provider_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClaimFixReferringProviderType0 | None | Unset, data)

        referring_provider = _parse_referring_provider(
            d.pop("referring_provider", UNSET)
        )

        def _parse_rendering_provider(
            data: object,
        ) -> ClaimFixRenderingProviderType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rendering_provider_type_0 = ClaimFixRenderingProviderType0.from_dict(
                    data
                )

                return rendering_provider_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClaimFixRenderingProviderType0 | None | Unset, data)

        rendering_provider = _parse_rendering_provider(
            d.pop("rendering_provider", UNSET)
        )

        claim_fix = cls(
            coverage=coverage,
            diagnoses=diagnoses,
            patient=patient,
            place_of_service=place_of_service,
            prior_authorization=prior_authorization,
            procedures=procedures,
            referring_provider=referring_provider,
            rendering_provider=rendering_provider,
        )

        return claim_fix
