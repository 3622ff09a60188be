"""Kafka topic names. The first four are fixed by the product card; each has a `<topic>.dlq`."""

ENCOUNTER_DOCUMENTED = "encounter.documented"
CLAIM_CODED = "claim.coded"
CLAIM_SUBMITTED = "claim.submitted"
REMIT_RECEIVED = "remit.received"
CLAIM_ACKNOWLEDGED = "claim.acknowledged"
PAYMENT_POSTED = "payment.posted"
DENIAL_OPENED = "denial.opened"
DENIAL_RESOLVED = "denial.resolved"
TENANT_REGISTERED = "tenant.registered"
CLAIM_CORRECTION_REQUESTED = "claim.correction_requested"

ALL_TOPICS = (
    ENCOUNTER_DOCUMENTED,
    CLAIM_CODED,
    CLAIM_SUBMITTED,
    REMIT_RECEIVED,
    CLAIM_ACKNOWLEDGED,
    PAYMENT_POSTED,
    DENIAL_OPENED,
    DENIAL_RESOLVED,
    TENANT_REGISTERED,
    CLAIM_CORRECTION_REQUESTED,
)


def dlq(topic: str) -> str:
    return f"{topic}.dlq"


def all_topics_with_dlq() -> list[str]:
    return [name for topic in ALL_TOPICS for name in (topic, dlq(topic))]
