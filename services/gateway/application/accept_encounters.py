"""Encounters accepted at the door, many requests at a time: in one transaction the new ones are stored,
their encounter.documented events go to the outbox and every request's audit entry joins the chain.

A re-sent external id is answered with the first encounter's id and emits nothing. Batching is what
makes intake cheap: one statement per table for the whole batch instead of a transaction per request.
"""
from dataclasses import dataclass
from uuid import UUID, uuid4

from opentelemetry.trace import SpanContext

from shared.contracts.encounter import EncounterDocumented
from services.gateway.intake.model import EncounterIn

# The audit entry of POST /v1/encounters (what domain.audit.audit_target derives from the route).
AUDIT_ACTION, AUDIT_OBJECT_TYPE, ACCEPTED_STATUS = "create", "encounter", 202


@dataclass(frozen=True)
class Submission:
    """One request's encounter, with the credential that sent it (for the audit entry)."""

    tenant_id: UUID
    key_id: UUID
    encounter: EncounterIn
    source_format: str
    parent: SpanContext | None = None  # the request's span: its encounter's events continue that trace


@dataclass(frozen=True)
class Accepted:
    encounter_id: UUID
    created: bool  # False: the external id was sent before, and this is the first encounter's id


async def accept_encounters(uow, submissions: list[Submission]) -> list[Accepted]:
    """One answer per submission, in order."""
    new_ids = [uuid4() for _ in submissions]
    inserted = await uow.encounters.add_new([
        {"id": new_id, "tenant_id": s.tenant_id, "external_id": s.encounter.external_id,
         "source_format": s.source_format} for s, new_id in zip(submissions, new_ids)])
    keys = [(s.tenant_id, s.encounter.external_id) for s in submissions]
    earlier = await uow.encounters.ids_by_external(k for k in keys if k not in inserted)
    answers = []
    for submission, key, new_id in zip(submissions, keys, new_ids):
        created = inserted.get(key) == new_id
        if created:
            uow.emit(documented(submission, new_id), tenant_id=submission.tenant_id, subject_id=new_id,
                     parent=submission.parent)
        answers.append(Accepted(new_id if created else inserted.get(key) or earlier[key], created))
    await uow.audit.append([
        {"tenant_id": s.tenant_id, "key_id": s.key_id, "action": AUDIT_ACTION, "object_type": AUDIT_OBJECT_TYPE,
         "object_id": str(answer.encounter_id), "outcome": ACCEPTED_STATUS}
        for s, answer in zip(submissions, answers)], at=uow.now())
    return answers


def documented(submission: Submission, encounter_id: UUID) -> EncounterDocumented:
    """The event from the validated body: its fields are handed over as they are (pydantic keeps model
    instances of the same types without validating them again). The body's model forbids extra fields, so
    its `__dict__` is what `dict(model)` would give, without iterating the model."""
    return EncounterDocumented(**submission.encounter.__dict__, encounter_id=str(encounter_id),
                               source_format=submission.source_format)
