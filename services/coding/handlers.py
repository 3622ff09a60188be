"""Coding use cases: code a documented encounter, or hold it for review with the reasons."""
from uuid import UUID

from sqlalchemy import select

from shared.contracts.claim import ClaimCoded
from shared.contracts.encounter import EncounterDocumented
from shared.contracts.envelope import Envelope
from shared.contracts.identifiers import claim_id_for, new_patient_control_number
from shared.db.unit_of_work import UnitOfWork
from shared.telemetry import annotate
from services.coding.adapters.tables import CodedEncounter, CodingAudit
from services.coding.domain.coder import CodeSets, CodingOutcome, code_encounter


async def code_documented_encounter(uow: UnitOfWork, event: Envelope[EncounterDocumented], *,
                                    codesets: CodeSets, threshold: float) -> None:
    encounter = event.payload
    outcome = code_encounter(encounter, codesets, auto_accept_threshold=threshold)
    annotate(**{"billing.encounter_id": encounter.encounter_id, "billing.coding_status": outcome.status,
                "billing.edits": [e.edit_id for e in outcome.edits if e.severity == "error"]})
    row = CodedEncounter(
        encounter_id=UUID(encounter.encounter_id), tenant_id=event.tenant_id, external_id=encounter.external_id,
        status=outcome.status, diagnoses=[d.model_dump(mode="json") for d in outcome.diagnoses],
        procedures=[p.model_dump(mode="json") for p in outcome.procedures],
        edits=[e.model_dump(mode="json") for e in outcome.edits], encounter=encounter.model_dump(mode="json"),
    )
    if outcome.status == "coded":
        row.claim_id = _emit_claim_coded(uow, event.tenant_id, encounter, outcome)
    uow.session.add(row)


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
    """The coder's codes still fail an error edit; the encounter stays in review. Message is PHI-free."""

    def __init__(self, edits: list):
        super().__init__("the corrected codes still fail coding edits")
        self.edits = edits


async def list_review_queue(uow: UnitOfWork, *, tenant_id: UUID, limit: int, after: UUID | None) -> list[CodedEncounter]:
    query = select(CodedEncounter).where(CodedEncounter.tenant_id == tenant_id,
                                         CodedEncounter.status == "needs_review")
    if after:
        query = query.where(CodedEncounter.encounter_id > after)
    return list((await uow.session.execute(query.order_by(CodedEncounter.encounter_id).limit(limit))).scalars())


async def review_encounter(uow: UnitOfWork, *, tenant_id: UUID, encounter_id: UUID, coder: str, diagnoses: list[str],
                           procedures: list[dict], reason: str, codesets: CodeSets, threshold: float) -> CodedEncounter | None:
    """A coder's codes replace the encounter's; if every edit passes it is released as claim.coded."""
    row = (await uow.session.execute(select(CodedEncounter).where(
        CodedEncounter.encounter_id == encounter_id, CodedEncounter.tenant_id == tenant_id).with_for_update())
    ).scalar_one_or_none()
    if row is None:
        return None
    if row.status != "needs_review":
        raise ReviewRejected([{"edit_id": "REVIEW-NOT-PENDING", "message": f"the encounter is {row.status}"}])
    before = {"diagnoses": row.diagnoses, "procedures": row.procedures}
    corrected = EncounterDocumented.model_validate({**row.encounter, "diagnoses": diagnoses, "procedures": procedures})
    outcome = code_encounter(corrected, codesets, auto_accept_threshold=threshold)
    if outcome.status != "coded":
        raise ReviewRejected([e.model_dump(mode="json") for e in outcome.edits])
    outcome = CodingOutcome(status="coded", edits=outcome.edits,
                            diagnoses=[d.model_copy(update={"source": "coder"}) for d in outcome.diagnoses],
                            procedures=[p.model_copy(update={"source": "coder"}) for p in outcome.procedures])
    row.status, row.encounter = "coded", corrected.model_dump(mode="json")
    row.diagnoses = [d.model_dump(mode="json") for d in outcome.diagnoses]
    row.procedures = [p.model_dump(mode="json") for p in outcome.procedures]
    row.edits = [e.model_dump(mode="json") for e in outcome.edits]
    row.claim_id = _emit_claim_coded(uow, tenant_id, corrected, outcome)
    uow.session.add(CodingAudit(tenant_id=tenant_id, encounter_id=encounter_id, actor=coder[:100], action="review",
                                before=before, after={"diagnoses": row.diagnoses, "procedures": row.procedures},
                                reason=reason[:500]))
    return row


async def audit_trail(uow: UnitOfWork, *, tenant_id: UUID, encounter_id: UUID) -> list[CodingAudit]:
    rows = await uow.session.execute(select(CodingAudit).where(
        CodingAudit.tenant_id == tenant_id, CodingAudit.encounter_id == encounter_id).order_by(CodingAudit.id))
    return list(rows.scalars())
