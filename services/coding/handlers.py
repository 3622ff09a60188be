"""Coding use cases: code a documented encounter, or hold it for review with the reasons."""
from uuid import UUID

from sqlalchemy import select

from shared.contracts.claim import ClaimCoded
from shared.contracts.encounter import EncounterDocumented
from shared.contracts.envelope import Envelope
from shared.contracts.identifiers import claim_id_for, new_patient_control_number
from shared.db.unit_of_work import UnitOfWork
from services.coding.adapters.tables import CodedEncounter
from services.coding.domain.coder import CodeSets, CodingOutcome, code_encounter


async def code_documented_encounter(uow: UnitOfWork, event: Envelope[EncounterDocumented], *,
                                    codesets: CodeSets, threshold: float) -> None:
    encounter = event.payload
    outcome = code_encounter(encounter, codesets, auto_accept_threshold=threshold)
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
