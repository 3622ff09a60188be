"""Coding use cases: code a documented encounter, or hold it for review with the reasons; the review queue."""
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Callable, Mapping
from uuid import UUID

from sqlalchemy import select

from shared.contracts.claim import ClaimCoded
from shared.contracts.common import CodeSource
from shared.contracts.encounter import EncounterDocumented
from shared.contracts.envelope import Envelope
from shared.contracts.identifiers import claim_id_for, new_patient_control_number
from shared.db.unit_of_work import UnitOfWork
from shared.telemetry import annotate
from services.coding import denial_feedback, queries
from services.coding.adapters.tables import CodedEncounter, CodingAudit, TenantCodingSettings
from services.coding.domain.auto_accept import AccuracyCurve, AutoAcceptPolicy
from services.coding.domain.codes import icd_compact, is_em_visit
from services.coding.domain.coder import CodingOutcome, code_encounter
from services.coding.domain.reference import ReferenceData
from services.coding.domain.suggestions import Suggestion


@dataclass(frozen=True)
class Coder:
    """What the handlers need, built once at start: reference data (the default, and per tenant with the tenant's
    own CPT file), the note suggester, the default auto-accept threshold (a tenant may set its own) and the
    suggester's measured accuracy by threshold."""

    reference: ReferenceData
    suggest: Callable[[str], list[Suggestion]] | None
    threshold: float
    tenant_references: Mapping[UUID, ReferenceData] = field(default_factory=dict)
    accuracy: AccuracyCurve = AccuracyCurve(points=(), notes=0)

    def suggestions(self, note: str | None) -> list[Suggestion]:
        return self.suggest(note) if note and self.suggest else []

    def reference_for(self, tenant_id: UUID) -> ReferenceData:
        return self.tenant_references.get(tenant_id, self.reference)

    def policy(self, row: TenantCodingSettings | None) -> AutoAcceptPolicy:
        """The tenant's auto-accept choice with the measured precision at its threshold (off without a row)."""
        threshold = row.auto_accept_threshold if row and row.auto_accept_threshold is not None else self.threshold
        return AutoAcceptPolicy(enabled=bool(row and row.auto_accept), threshold=threshold,
                                measured_precision=self.accuracy.at(threshold).precision,
                                accepted_below_target=bool(row and row.accept_below_target_precision))

    async def policy_for(self, uow: UnitOfWork, tenant_id: UUID) -> AutoAcceptPolicy:
        return self.policy(await uow.session.get(TenantCodingSettings, tenant_id))


async def code_documented_encounter(uow: UnitOfWork, event: Envelope[EncounterDocumented], *, coder: Coder) -> None:
    encounter = event.payload
    same_day = await _em_billed_same_day(uow, event.tenant_id, encounter)
    outcome = code_encounter(encounter, coder.reference_for(event.tenant_id),
                             suggestions=coder.suggestions(encounter.note),
                             auto_accept=await coder.policy_for(uow, event.tenant_id),
                             em_billed_same_day=same_day)
    outcome = replace(outcome, edits=[*outcome.edits, *await denial_feedback.warnings(uow, event.tenant_id, encounter,
                                                                                      today=date.today())])
    annotate(**{"billing.encounter_id": encounter.encounter_id, "billing.coding_status": outcome.status,
                "billing.edits": [e.edit_id for e in outcome.edits if e.severity == "error"]})
    row = CodedEncounter(
        encounter_id=UUID(encounter.encounter_id), tenant_id=event.tenant_id, external_id=encounter.external_id,
        encounter=encounter.model_dump(mode="json"), patient_ref=encounter.patient.id,
        rendering_npi=encounter.rendering_provider.npi, date_of_service=encounter.date_of_service,
        status=outcome.status, diagnoses=[], procedures=[], edits=[],
    )
    _store(row, outcome)
    if outcome.status == "coded":
        row.claim_id = _emit_claim_coded(uow, event.tenant_id, encounter, outcome)
    uow.session.add(row)


def _store(row: CodedEncounter, outcome: CodingOutcome) -> None:
    row.status = outcome.status
    row.diagnoses = [d.model_dump(mode="json") for d in outcome.diagnoses]
    row.procedures = [p.model_dump(mode="json") for p in outcome.procedures]
    row.edits = [e.model_dump(mode="json") for e in outcome.edits]
    row.suggestions = [s.model_dump(mode="json") for s in outcome.suggestions]


async def _em_billed_same_day(uow: UnitOfWork, tenant_id: UUID, encounter: EncounterDocumented) -> tuple[str, ...]:
    """E/M visits another coded encounter already billed for this patient, provider and date."""
    if not any(is_em_visit(p.code) for p in encounter.procedures):
        return ()
    rows = await uow.session.execute(select(CodedEncounter.procedures).where(
        CodedEncounter.tenant_id == tenant_id, CodedEncounter.rendering_npi == encounter.rendering_provider.npi,
        CodedEncounter.date_of_service == encounter.date_of_service,
        CodedEncounter.patient_ref == encounter.patient.id, CodedEncounter.status == "coded",
        CodedEncounter.encounter_id != UUID(encounter.encounter_id)))
    return tuple(p["code"] for procedures in rows.scalars() for p in procedures if is_em_visit(p["code"]))


def _emit_claim_coded(uow: UnitOfWork, tenant_id: UUID, encounter: EncounterDocumented, outcome: CodingOutcome) -> UUID:
    pcn = new_patient_control_number()
    claim_id = claim_id_for(tenant_id, pcn)
    uow.emit(
        ClaimCoded(
            claim_id=str(claim_id), patient_control_number=pcn, encounter_id=encounter.encounter_id,
            external_id=encounter.external_id, date_of_service=encounter.date_of_service,
            place_of_service=encounter.place_of_service, patient=encounter.patient, coverage=encounter.coverage,
            rendering_provider=encounter.rendering_provider, diagnoses=outcome.diagnoses,
            procedures=outcome.procedures, prior_authorization=encounter.prior_authorization,
            edits=[e for e in outcome.edits if e.severity == "warning"],
        ),
        tenant_id=tenant_id, subject_id=claim_id,
    )
    return claim_id


async def find_encounter(uow: UnitOfWork, *, tenant_id: UUID, encounter_id: UUID) -> CodedEncounter | None:
    result = await uow.session.execute(
        select(CodedEncounter).where(CodedEncounter.encounter_id == encounter_id, CodedEncounter.tenant_id == tenant_id)
    )
    return result.scalar_one_or_none()


class ReviewRejected(Exception):
    """The coder's request cannot apply; the encounter stays in review. Message and edits are PHI-free."""

    def __init__(self, edits: list, status: int = 422, title: str = "The corrected codes still fail coding edits"):
        super().__init__(title)
        self.edits, self.status, self.title = edits, status, title


async def list_review_queue(uow: UnitOfWork, *, tenant_id: UUID, limit: int, after: UUID | None,
                            edit_id: str | None = None, assigned_to: str | None = None) -> list[CodedEncounter]:
    """Held encounters, oldest id first; filter by an edit id, or by assignee ("none" for unclaimed)."""
    query = select(CodedEncounter).where(CodedEncounter.tenant_id == tenant_id,
                                         CodedEncounter.status == "needs_review")
    if after:
        query = query.where(CodedEncounter.encounter_id > after)
    if edit_id:
        query = query.where(CodedEncounter.edits.contains([{"edit_id": edit_id}]))
    if assigned_to == "none":
        query = query.where(CodedEncounter.assigned_to.is_(None))
    elif assigned_to:
        query = query.where(CodedEncounter.assigned_to == assigned_to)
    return list((await uow.session.execute(query.order_by(CodedEncounter.encounter_id).limit(limit))).scalars())


async def _locked(uow: UnitOfWork, tenant_id: UUID, encounter_id: UUID) -> CodedEncounter | None:
    return (await uow.session.execute(select(CodedEncounter).where(
        CodedEncounter.encounter_id == encounter_id, CodedEncounter.tenant_id == tenant_id).with_for_update())
    ).scalar_one_or_none()


def _pending_or_raise(row: CodedEncounter, coder: str) -> None:
    if row.status != "needs_review":
        raise ReviewRejected([{"edit_id": "REVIEW-NOT-PENDING", "message": f"the encounter is {row.status}"}], 409,
                             "The encounter is not waiting for review")
    if row.assigned_to and row.assigned_to != coder:
        raise ReviewRejected([{"edit_id": "REVIEW-CLAIMED", "message": "another coder has claimed this item"}], 409,
                             "The review item is claimed by another coder")


async def claim_review_item(uow: UnitOfWork, *, tenant_id: UUID, encounter_id: UUID, coder: str) -> CodedEncounter | None:
    """A coder takes a held encounter; nobody else can review it until it is released."""
    row = await _locked(uow, tenant_id, encounter_id)
    if row is None:
        return None
    _pending_or_raise(row, coder[:100])
    row.assigned_to = coder[:100]
    uow.session.add(CodingAudit(tenant_id=tenant_id, encounter_id=encounter_id, actor=coder[:100], action="claim",
                                before={}, after={"assigned_to": row.assigned_to}))
    return row


async def review_encounter(uow: UnitOfWork, *, tenant_id: UUID, encounter_id: UUID, coder: str, diagnoses: list[str],
                           procedures: list[dict], reason: str, coding: Coder) -> CodedEncounter | None:
    """A coder's codes replace the encounter's; if every edit passes it is released as claim.coded.

    Provenance: a code the provider sent stays "provider", one the note suggested is "suggestion" (accepted by
    this coder), any other is "coder"; suggestions the coder left out are recorded as rejected.
    """
    row = await _locked(uow, tenant_id, encounter_id)
    if row is None:
        return None
    _pending_or_raise(row, coder[:100])
    if await queries.open_query(uow, tenant_id, encounter_id) is not None:
        raise ReviewRejected([{"edit_id": "REVIEW-QUERY-OPEN", "message": "waiting for the provider's answer"}], 409,
                             "The encounter waits for the provider's answer to a documentation query")
    before = {"diagnoses": row.diagnoses, "procedures": row.procedures}
    corrected = EncounterDocumented.model_validate({**row.encounter, "diagnoses": diagnoses, "procedures": procedures})
    same_day = await _em_billed_same_day(uow, tenant_id, corrected)
    outcome = code_encounter(corrected, coding.reference_for(tenant_id), em_billed_same_day=same_day)
    if outcome.status != "coded":
        raise ReviewRejected([e.model_dump(mode="json") for e in outcome.edits if e.severity == "error"])
    outcome, decisions = _provenance(row, outcome)
    _store(row, outcome)
    row.encounter, row.suggestions = corrected.model_dump(mode="json"), decisions
    row.claim_id = _emit_claim_coded(uow, tenant_id, corrected, outcome)
    uow.session.add(CodingAudit(
        tenant_id=tenant_id, encounter_id=encounter_id, actor=coder[:100], action="review", before=before,
        after={"diagnoses": row.diagnoses, "procedures": row.procedures,
               "suggestions": [{"code": s["code"], "decision": s["status"]} for s in decisions]},
        reason=reason[:500]))
    return row


def _provenance(row: CodedEncounter, outcome: CodingOutcome) -> tuple[CodingOutcome, list[dict]]:
    provider_dx = {icd_compact(c) for c in row.encounter.get("diagnoses", [])}
    provider_px = {p["code"] for p in row.encounter.get("procedures", [])}
    suggested = {icd_compact(s["code"]) for s in row.suggestions}
    final = {icd_compact(d.code) for d in outcome.diagnoses}

    def dx_source(code: str) -> CodeSource:
        compact = icd_compact(code)
        return CodeSource.PROVIDER if compact in provider_dx else (
            CodeSource.SUGGESTION if compact in suggested else CodeSource.CODER)

    diagnoses = [d.model_copy(update={"source": dx_source(d.code)}) for d in outcome.diagnoses]
    procedures = [p.model_copy(update={"source": CodeSource.PROVIDER if p.code in provider_px else CodeSource.CODER})
                  for p in outcome.procedures]
    decisions = [{**s, "status": "accepted" if icd_compact(s["code"]) in final else "rejected"} for s in row.suggestions]
    return CodingOutcome(status=outcome.status, diagnoses=diagnoses, procedures=procedures, edits=outcome.edits,
                         suggestions=outcome.suggestions), decisions


async def audit_trail(uow: UnitOfWork, *, tenant_id: UUID, encounter_id: UUID) -> list[CodingAudit]:
    rows = await uow.session.execute(select(CodingAudit).where(
        CodingAudit.tenant_id == tenant_id, CodingAudit.encounter_id == encounter_id).order_by(CodingAudit.id))
    return list(rows.scalars())
