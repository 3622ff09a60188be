from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.claim_view_payer_sequence import ClaimViewPayerSequence
from ..models.claim_view_unavailable_item import ClaimViewUnavailableItem
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.adjustment import Adjustment
    from ..models.claim_line_out import ClaimLineOut
    from ..models.claim_view_edits_item import ClaimViewEditsItem
    from ..models.claim_view_eligibility_type_0 import ClaimViewEligibilityType0
    from ..models.claim_view_payer_status_type_0 import ClaimViewPayerStatusType0
    from ..models.denial import Denial
    from ..models.posting import Posting
    from ..models.timeline_entry import TimelineEntry


T = TypeVar("T", bound="ClaimView")


@_attrs_define
class ClaimView:
    """The claim with its payments, adjustments and denials, and one timeline across the services. The
    payments fields are absent while payments has posted nothing. A part whose service could not answer is
    absent too and named in `unavailable`, so that a partial view is never read as "nothing posted".

        Attributes:
            claim_id (UUID):
            diagnoses (list[str]):
            edits (list[ClaimViewEditsItem]): Scrub edits that held or warned about the claim
            eligibility (ClaimViewEligibilityType0 | None):
            encounter_id (UUID):
            frequency_code (str):
            lines (list[ClaimLineOut]):
            next_action_on (datetime.date | None):
            next_inquiry_on (datetime.date | None):
            original_claim_id (None | UUID):
            patient_control_number (str):
            payer_claim_number (None | str):
            payer_id (str):
            payer_status (ClaimViewPayerStatusType0 | None): The payer's latest claim status answer (277)
            status (str):
            submitted_at (datetime.datetime | None):
            timeline (list[TimelineEntry]):
            total_charge (str):
            adjustments (list[Adjustment] | Unset):
            balance (None | str | Unset): The claim's insurance receivable in the ledger
            denials (list[Denial] | Unset):
            payer_sequence (ClaimViewPayerSequence | Unset): The payer's place among the encounter's coverages (837P SBR01):
                P, S or T Default: ClaimViewPayerSequence.P.
            payments (list[Posting] | Unset):
            prior_claim_id (None | Unset | UUID): A later payer's claim: the claim billed to the payer before it
            unavailable (list[ClaimViewUnavailableItem] | Unset): Parts left out because their service did not answer: retry
                later
    """

    claim_id: UUID
    diagnoses: list[str]
    edits: list[ClaimViewEditsItem]
    eligibility: ClaimViewEligibilityType0 | None
    encounter_id: UUID
    frequency_code: str
    lines: list[ClaimLineOut]
    next_action_on: datetime.date | None
    next_inquiry_on: datetime.date | None
    original_claim_id: None | UUID
    patient_control_number: str
    payer_claim_number: None | str
    payer_id: str
    payer_status: ClaimViewPayerStatusType0 | None
    status: str
    submitted_at: datetime.datetime | None
    timeline: list[TimelineEntry]
    total_charge: str
    adjustments: list[Adjustment] | Unset = UNSET
    balance: None | str | Unset = UNSET
    denials: list[Denial] | Unset = UNSET
    payer_sequence: ClaimViewPayerSequence | Unset = ClaimViewPayerSequence.P
    payments: list[Posting] | Unset = UNSET
    prior_claim_id: None | Unset | UUID = UNSET
    unavailable: list[ClaimViewUnavailableItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.claim_view_eligibility_type_0 import ClaimViewEligibilityType0
        from ..models.claim_view_payer_status_type_0 import ClaimViewPayerStatusType0

        claim_id = str(self.claim_id)

        diagnoses = self.diagnoses

        edits = []
        for edits_item_data in self.edits:
            edits_item = edits_item_data.to_dict()
            edits.append(edits_item)

        eligibility: dict[str, Any] | None
        if isinstance(self.eligibility, ClaimViewEligibilityType0):
            eligibility = self.eligibility.to_dict()
        else:
            eligibility = self.eligibility

        encounter_id = str(self.encounter_id)

        frequency_code = self.frequency_code

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        next_action_on: None | str
        if isinstance(self.next_action_on, datetime.date):
            next_action_on = self.next_action_on.isoformat()
        else:
            next_action_on = self.next_action_on

        next_inquiry_on: None | str
        if isinstance(self.next_inquiry_on, datetime.date):
            next_inquiry_on = self.next_inquiry_on.isoformat()
        else:
            next_inquiry_on = self.next_inquiry_on

        original_claim_id: None | str
        if isinstance(self.original_claim_id, UUID):
            original_claim_id = str(self.original_claim_id)
        else:
            original_claim_id = self.original_claim_id

        patient_control_number = self.patient_control_number

        payer_claim_number: None | str
        payer_claim_number = self.payer_claim_number

        payer_id = self.payer_id

        payer_status: dict[str, Any] | None
        if isinstance(self.payer_status, ClaimViewPayerStatusType0):
            payer_status = self.payer_status.to_dict()
        else:
            payer_status = self.payer_status

        status = self.status

        submitted_at: None | str
        if isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        timeline = []
        for timeline_item_data in self.timeline:
            timeline_item = timeline_item_data.to_dict()
            timeline.append(timeline_item)

        total_charge = self.total_charge

        adjustments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.adjustments, Unset):
            adjustments = []
            for adjustments_item_data in self.adjustments:
                adjustments_item = adjustments_item_data.to_dict()
                adjustments.append(adjustments_item)

        balance: None | str | Unset
        if isinstance(self.balance, Unset):
            balance = UNSET
        else:
            balance = self.balance

        denials: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.denials, Unset):
            denials = []
            for denials_item_data in self.denials:
                denials_item = denials_item_data.to_dict()
                denials.append(denials_item)

        payer_sequence: str | Unset = UNSET
        if not isinstance(self.payer_sequence, Unset):
            payer_sequence = self.payer_sequence.value

        payments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.payments, Unset):
            payments = []
            for payments_item_data in self.payments:
                payments_item = payments_item_data.to_dict()
                payments.append(payments_item)

        prior_claim_id: None | str | Unset
        if isinstance(self.prior_claim_id, Unset):
            prior_claim_id = UNSET
        elif isinstance(self.prior_claim_id, UUID):
            prior_claim_id = str(self.prior_claim_id)
        else:
            prior_claim_id = self.prior_claim_id

        unavailable: list[str] | Unset = UNSET
        if not isinstance(self.unavailable, Unset):
            unavailable = []
            for unavailable_item_data in self.unavailable:
                unavailable_item = unavailable_item_data.value
                unavailable.append(unavailable_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "claim_id": claim_id,
                "diagnoses": diagnoses,
                "edits": edits,
                "eligibility": eligibility,
                "encounter_id": encounter_id,
                "frequency_code": frequency_code,
                "lines": lines,
                "next_action_on": next_action_on,
                "next_inquiry_on": next_inquiry_on,
                "original_claim_id": original_claim_id,
                "patient_control_number": patient_control_number,
                "payer_claim_number": payer_claim_number,
                "payer_id": payer_id,
                "payer_status": payer_status,
                "status": status,
                "submitted_at": submitted_at,
                "timeline": timeline,
                "total_charge": total_charge,
            }
        )
        if adjustments is not UNSET:
            field_dict["adjustments"] = adjustments
        if balance is not UNSET:
            field_dict["balance"] = balance
        if denials is not UNSET:
            field_dict["denials"] = denials
        if payer_sequence is not UNSET:
            field_dict["payer_sequence"] = payer_sequence
        if payments is not UNSET:
            field_dict["payments"] = payments
        if prior_claim_id is not UNSET:
            field_dict["prior_claim_id"] = prior_claim_id
        if unavailable is not UNSET:
            field_dict["unavailable"] = unavailable

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.adjustment import Adjustment
        from ..models.claim_line_out import ClaimLineOut
        from ..models.claim_view_edits_item import ClaimViewEditsItem
        from ..models.claim_view_eligibility_type_0 import ClaimViewEligibilityType0
        from ..models.claim_view_payer_status_type_0 import ClaimViewPayerStatusType0
        from ..models.denial import Denial
        from ..models.posting import Posting
        from ..models.timeline_entry import TimelineEntry

        d = dict(src_dict)
        claim_id = UUID(d.pop("claim_id"))

        diagnoses = cast(list[str], d.pop("diagnoses"))

        edits = []
        _edits = d.pop("edits")
        for edits_item_data in _edits:
            edits_item = ClaimViewEditsItem.from_dict(edits_item_data)

            edits.append(edits_item)

        def _parse_eligibility(data: object) -> ClaimViewEligibilityType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                eligibility_type_0 = ClaimViewEligibilityType0.from_dict(data)

                return eligibility_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClaimViewEligibilityType0 | None, data)

        eligibility = _parse_eligibility(d.pop("eligibility"))

        encounter_id = UUID(d.pop("encounter_id"))

        frequency_code = d.pop("frequency_code")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = ClaimLineOut.from_dict(lines_item_data)

            lines.append(lines_item)

        def _parse_next_action_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_action_on_type_0 = datetime.date.fromisoformat(data)

                return next_action_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        next_action_on = _parse_next_action_on(d.pop("next_action_on"))

        def _parse_next_inquiry_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_inquiry_on_type_0 = datetime.date.fromisoformat(data)

                return next_inquiry_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        next_inquiry_on = _parse_next_inquiry_on(d.pop("next_inquiry_on"))

        def _parse_original_claim_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                original_claim_id_type_0 = UUID(data)

                return original_claim_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        original_claim_id = _parse_original_claim_id(d.pop("original_claim_id"))

        patient_control_number = d.pop("patient_control_number")

        def _parse_payer_claim_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        payer_claim_number = _parse_payer_claim_number(d.pop("payer_claim_number"))

        payer_id = d.pop("payer_id")

        def _parse_payer_status(data: object) -> ClaimViewPayerStatusType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payer_status_type_0 = ClaimViewPayerStatusType0.from_dict(data)

                return payer_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ClaimViewPayerStatusType0 | None, data)

        payer_status = _parse_payer_status(d.pop("payer_status"))

        status = d.pop("status")

        def _parse_submitted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at"))

        timeline = []
        _timeline = d.pop("timeline")
        for timeline_item_data in _timeline:
            timeline_item = TimelineEntry.from_dict(timeline_item_data)

            timeline.append(timeline_item)

        total_charge = d.pop("total_charge")

        _adjustments = d.pop("adjustments", UNSET)
        adjustments: list[Adjustment] | Unset = UNSET
        if _adjustments is not UNSET:
            adjustments = []
            for adjustments_item_data in _adjustments:
                adjustments_item = Adjustment.from_dict(adjustments_item_data)

                adjustments.append(adjustments_item)

        def _parse_balance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        balance = _parse_balance(d.pop("balance", UNSET))

        _denials = d.pop("denials", UNSET)
        denials: list[Denial] | Unset = UNSET
        if _denials is not UNSET:
            denials = []
            for denials_item_data in _denials:
                denials_item = Denial.from_dict(denials_item_data)

                denials.append(denials_item)

        _payer_sequence = d.pop("payer_sequence", UNSET)
        payer_sequence: ClaimViewPayerSequence | Unset
        if isinstance(_payer_sequence, Unset):
            payer_sequence = UNSET
        else:
            payer_sequence = ClaimViewPayerSequence(_payer_sequence)

        _payments = d.pop("payments", UNSET)
        payments: list[Posting] | Unset = UNSET
        if _payments is not UNSET:
            payments = []
            for payments_item_data in _payments:
                payments_item = Posting.from_dict(payments_item_data)

                payments.append(payments_item)

        def _parse_prior_claim_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                prior_claim_id_type_0 = UUID(data)

                return prior_claim_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        prior_claim_id = _parse_prior_claim_id(d.pop("prior_claim_id", UNSET))

        _unavailable = d.pop("unavailable", UNSET)
        unavailable: list[ClaimViewUnavailableItem] | Unset = UNSET
        if _unavailable is not UNSET:
            unavailable = []
            for unavailable_item_data in _unavailable:
                unavailable_item = ClaimViewUnavailableItem(unavailable_item_data)

                unavailable.append(unavailable_item)

        claim_view = cls(
            claim_id=claim_id,
            diagnoses=diagnoses,
            edits=edits,
            eligibility=eligibility,
            encounter_id=encounter_id,
            frequency_code=frequency_code,
            lines=lines,
            next_action_on=next_action_on,
            next_inquiry_on=next_inquiry_on,
            original_claim_id=original_claim_id,
            patient_control_number=patient_control_number,
            payer_claim_number=payer_claim_number,
            payer_id=payer_id,
            payer_status=payer_status,
            status=status,
            submitted_at=submitted_at,
            timeline=timeline,
            total_charge=total_charge,
            adjustments=adjustments,
            balance=balance,
            denials=denials,
            payer_sequence=payer_sequence,
            payments=payments,
            prior_claim_id=prior_claim_id,
            unavailable=unavailable,
        )

        return claim_view
