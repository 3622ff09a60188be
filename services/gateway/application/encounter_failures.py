"""Dead letters of an encounter's events, recorded on its intake row so GET /v1/encounters/{id} can say so."""
from shared.http.problems import Problem
from shared.internal_auth import Caller

from shared.contracts.envelope import Envelope
from shared.kafka.dlq import DeadLetter
from services.gateway.adapters.repositories import GatewayUnitOfWork
from services.gateway.adapters.tables import EncounterIntake
from services.gateway.domain.encounter_failures import (CLAIM_CODED, FAILED, encounter_of, failure_record,
                                                        failure_shown, public_failure)


async def record_dead_letter(uow: GatewayUnitOfWork, event: Envelope[DeadLetter]) -> None:
    """Only the tenant named by the dead letter's envelope: an encounter of another tenant is left alone."""
    letter = event.payload
    encounter_id = encounter_of(letter.original_topic, event.subject_id, letter.payload)
    if encounter_id is None:
        return
    intake = await uow.encounters.find(event.tenant_id, encounter_id, lock=True)
    if intake is not None:
        intake.failure = failure_record(topic=letter.original_topic, error=letter.error, failed_at=letter.failed_at,
                                        subject_id=event.subject_id)


async def with_failure(body: dict, intake: EncounterIntake, *, coded: bool, claims, caller: Caller) -> dict:
    """The encounter's view, `failed` with the reason while its dead-lettered event has not been replayed."""
    failure = intake.failure
    claim_built = None
    if coded and failure and failure.get("topic") == CLAIM_CODED:
        claim_built = await _claim_built(claims, failure["claim_id"], caller)
    if not failure_shown(failure, coded=coded, claim_built=claim_built):
        return body
    return {**body, "status": FAILED, "failure": public_failure(failure)}


async def _claim_built(claims, claim_id: str, caller: Caller) -> bool | None:
    try:
        response = await claims.request("GET", f"/internal/claims/{claim_id}", caller)
    except Problem:
        return None
    return {200: True, 404: False}.get(response.status_code)
