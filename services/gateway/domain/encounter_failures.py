"""An encounter whose event was dead-lettered: what the gateway keeps of it, and when it shows.

A failure is shown only while the service downstream has nothing for the encounter (coding for
encounter.documented, claims for claim.coded): once a replay of the dead letter goes through, that
service's own status wins again, so `failed` never blocks an encounter from moving on.
"""
from uuid import UUID

FAILED = "failed"
ENCOUNTER_DOCUMENTED, CLAIM_CODED = "encounter.documented", "claim.coded"
WATCHED_TOPICS = (ENCOUNTER_DOCUMENTED, CLAIM_CODED)
REASON_LENGTH = 500


def encounter_of(topic: str, subject_id: UUID, payload: dict) -> UUID | None:
    """encounter.documented is keyed by its encounter; claim.coded by its claim, naming the encounter inside."""
    if topic == ENCOUNTER_DOCUMENTED:
        return subject_id
    try:
        return UUID(str(payload.get("encounter_id")))
    except ValueError:
        return None


def failure_record(*, topic: str, error: str, failed_at: str | None, subject_id: UUID) -> dict:
    """What is stored: the topic, the runner's reason (PHI-free by construction), when, and for claim.coded the
    claim that claims never built."""
    record = {"topic": topic, "reason": (error or "dead-lettered")[:REASON_LENGTH], "failed_at": failed_at}
    if topic == CLAIM_CODED:
        record["claim_id"] = str(subject_id)
    return record


def public_failure(failure: dict) -> dict:
    return {"stage": failure["topic"], "reason": failure["reason"], "failed_at": failure.get("failed_at")}


def failure_shown(failure: dict | None, *, coded: bool, claim_built: bool | None) -> bool:
    """encounter.documented: until coding has the encounter. claim.coded: while claims is known not to have the
    claim (None: claims did not answer, so nothing is claimed either way)."""
    if not failure:
        return False
    if failure.get("topic") == ENCOUNTER_DOCUMENTED:
        return not coded
    return coded and claim_built is False
