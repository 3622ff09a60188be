"""encounter.documented, a batch at a time: each encounter coded (claim.coded emitted) or held for review with
the reasons. Tenant settings, earlier visits the same day and denial histories are read in one statement per
batch; the encounters are written with one statement."""
from collections.abc import Iterable
from dataclasses import replace
from datetime import date
from uuid import UUID

from shared import denial_patterns
from shared.contracts.claim import ClaimCoded
from shared.contracts.encounter import EncounterDocumented
from shared.contracts.identifiers import claim_id_for, new_patient_control_number
from shared.kafka.consumer import EventBatch
from shared.telemetry import annotate
from services.coding.adapters.repositories import CodingUnitOfWork
from services.coding.adapters.same_day import BilledVisit, SameDayKey
from services.coding.application.coder import Coder
from services.coding.domain.codes import is_em_visit
from services.coding.domain.coder import CodingOutcome, code_encounter

DENIAL_PATTERN_EDIT = "CODING-DENIAL-PATTERN"


async def code_encounters(uow: CodingUnitOfWork, batch: EventBatch, *, coder: Coder) -> None:
    events = batch.envelopes
    tenant_ids = {e.tenant_id for e in events}
    same_day = {e.event_id: same_day_key(e.tenant_id, e.payload) for e in events if bills_em(e.payload)}
    reads = await uow.batch_reads.read(
        tenant_ids=tenant_ids, same_day=same_day.values(), payer_ids={e.payload.coverage.payer_id for e in events},
        procedure_codes={line.code for e in events for line in e.payload.procedures})
    policies = {tenant_id: coder.policy(reads.settings.get(tenant_id)) for tenant_id in tenant_ids}
    billed, today = reads.billed, uow.today()
    suggested = await coder.suggestions_for([e.payload.note for e in events])
    rows = []
    for event, suggestions in zip(batch.traced(), suggested, strict=True):
        encounter, tenant_id = event.payload, event.tenant_id
        encounter_id, key = UUID(encounter.encounter_id), same_day.get(event.event_id)
        outcome = code_encounter(encounter, coder.reference_for(tenant_id),
                                 suggestions=suggestions, auto_accept=policies[tenant_id],
                                 em_billed_same_day=em_visits_billed(encounter_id, billed.get(key, ())))
        if history := reads.histories.get(tenant_id):
            outcome = with_denial_warnings(outcome, encounter, history, today=today)
        annotate(**{"billing.encounter_id": encounter.encounter_id, "billing.coding_status": outcome.status,
                    "billing.edits": [e.edit_id for e in outcome.edits if e.severity == "error"]})
        claim_id = None
        if outcome.status == "coded":
            claim_id = emit_claim_coded(uow, tenant_id, encounter, outcome)
            if key is not None:  # only an E/M visit's codes can hold a later visit the same day
                billed.setdefault(key, []).append(BilledVisit(encounter_id, tuple(p.code for p in outcome.procedures)))
        rows.append({**encounter_columns(tenant_id, encounter_id, encounter), **outcome_documents(outcome),
                     "claim_id": claim_id})
    await uow.encounters.add_many(rows)


def with_denial_warnings(outcome: CodingOutcome, encounter: EncounterDocumented,
                         history: list[denial_patterns.DenialHistory], *, today: date) -> CodingOutcome:
    """The outcome with a warning per procedure this payer keeps denying (the tenant's history)."""
    warnings = denial_patterns.pattern_warnings(
        payer_id=encounter.coverage.payer_id, payer_name=encounter.coverage.payer_id,
        procedure_codes=[line.code for line in encounter.procedures], history=history, today=today,
        edit_id=DENIAL_PATTERN_EDIT)
    return replace(outcome, edits=[*outcome.edits, *warnings]) if warnings else outcome


def bills_em(encounter: EncounterDocumented) -> bool:
    return any(is_em_visit(p.code) for p in encounter.procedures)


def same_day_key(tenant_id: UUID, encounter: EncounterDocumented) -> SameDayKey:
    return SameDayKey(tenant_id, encounter.rendering_provider.npi, encounter.date_of_service, encounter.patient.id)


def em_billed_same_day(encounter: EncounterDocumented, visits: Iterable[BilledVisit]) -> tuple[str, ...]:
    """E/M visits another coded encounter already billed for this patient, provider and date."""
    return em_visits_billed(UUID(encounter.encounter_id), visits) if bills_em(encounter) else ()


def em_visits_billed(own: UUID, visits: Iterable[BilledVisit]) -> tuple[str, ...]:
    """The E/M visit codes of these visits, the encounter's own (`own`) left out."""
    return tuple(code for visit in visits if visit.encounter_id != own
                 for code in visit.procedure_codes if is_em_visit(code))


def encounter_columns(tenant_id: UUID, encounter_id: UUID, encounter: EncounterDocumented) -> dict:
    """The encounter's columns, the document as the model (the repository encodes it)."""
    return {"encounter_id": encounter_id, "tenant_id": tenant_id,
            "external_id": encounter.external_id, "encounter": encounter,
            "patient_ref": encounter.patient.id, "rendering_npi": encounter.rendering_provider.npi,
            "date_of_service": encounter.date_of_service}


def outcome_documents(outcome: CodingOutcome) -> dict:
    """The outcome's columns for a new row, the documents as lists of models (the repository encodes them)."""
    return {"status": outcome.status, "diagnoses": outcome.diagnoses, "procedures": outcome.procedures,
            "edits": outcome.edits, "suggestions": outcome.suggestions}


def outcome_columns(outcome: CodingOutcome) -> dict:
    """The outcome's columns as JSON values, for a row already loaded."""
    return {name: value if name == "status" else [document.model_dump(mode="json") for document in value]
            for name, value in outcome_documents(outcome).items()}


def emit_claim_coded(uow: CodingUnitOfWork, tenant_id: UUID, encounter: EncounterDocumented,
                     outcome: CodingOutcome) -> UUID:
    """claim.coded with a new patient control number; returns the claim's id."""
    pcn = new_patient_control_number()
    claim_id = claim_id_for(tenant_id, pcn)
    uow.emit(
        ClaimCoded(
            claim_id=str(claim_id), patient_control_number=pcn, encounter_id=encounter.encounter_id,
            external_id=encounter.external_id, date_of_service=encounter.date_of_service,
            place_of_service=encounter.place_of_service, patient=encounter.patient, coverage=encounter.coverage,
            other_coverages=encounter.other_coverages,
            rendering_provider=encounter.rendering_provider, referring_provider=encounter.referring_provider,
            diagnoses=outcome.diagnoses,
            procedures=outcome.procedures, prior_authorization=encounter.prior_authorization,
            edits=[e for e in outcome.edits if e.severity == "warning"],
        ),
        tenant_id=tenant_id, subject_id=claim_id,
    )
    return claim_id
