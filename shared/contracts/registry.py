"""Which payload model each event type carries and which topic it goes to (one type per topic)."""
from dataclasses import dataclass

from pydantic import BaseModel

from shared.contracts import topics
from shared.contracts.claim import ClaimAcknowledged, ClaimCoded, ClaimCorrectionRequested, ClaimSubmitted
from shared.contracts.denial import DenialOpened, DenialResolved
from shared.contracts.encounter import EncounterDocumented
from shared.contracts.payment import PaymentPosted
from shared.contracts.remit import RemitReceived
from shared.contracts.tenant import TenantRegistered


@dataclass(frozen=True)
class EventType:
    name: str
    topic: str
    model: type[BaseModel]
    schema_version: int = 1


EVENT_TYPES: dict[str, EventType] = {
    event.name: event
    for event in (
        EventType(topics.ENCOUNTER_DOCUMENTED, topics.ENCOUNTER_DOCUMENTED, EncounterDocumented),
        EventType(topics.CLAIM_CODED, topics.CLAIM_CODED, ClaimCoded),
        EventType(topics.CLAIM_SUBMITTED, topics.CLAIM_SUBMITTED, ClaimSubmitted),
        EventType(topics.CLAIM_ACKNOWLEDGED, topics.CLAIM_ACKNOWLEDGED, ClaimAcknowledged),
        EventType(topics.REMIT_RECEIVED, topics.REMIT_RECEIVED, RemitReceived),
        EventType(topics.PAYMENT_POSTED, topics.PAYMENT_POSTED, PaymentPosted),
        EventType(topics.DENIAL_OPENED, topics.DENIAL_OPENED, DenialOpened),
        EventType(topics.DENIAL_RESOLVED, topics.DENIAL_RESOLVED, DenialResolved),
        EventType(topics.TENANT_REGISTERED, topics.TENANT_REGISTERED, TenantRegistered),
        EventType(topics.CLAIM_CORRECTION_REQUESTED, topics.CLAIM_CORRECTION_REQUESTED, ClaimCorrectionRequested),
    )
}

_BY_MODEL = {event.model: event for event in EVENT_TYPES.values()}


def event_type_for(payload: BaseModel) -> EventType:
    return _BY_MODEL[type(payload)]


def payload_model(event_type: str) -> type[BaseModel]:
    return EVENT_TYPES[event_type].model
