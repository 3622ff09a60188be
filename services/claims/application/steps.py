"""A claim's steps: every one asks the state machine and lands in the claim's timeline."""
from shared.telemetry import annotate
from services.claims.domain import states


def record(uow, claim, event: str, detail: dict | None = None) -> None:
    """A timeline entry that leaves the status as it is (a note, a coverage check, an inquiry)."""
    uow.timeline.add(claim, event, detail)


def transition(uow, claim, target: str, event: str, detail: dict | None = None) -> states.Step:
    """Asks the state machine; a step it refuses keeps the state and is recorded as ignored.

    `claim` is a ClaimRecord or a Claim row: anything with id, tenant_id and a writable status."""
    step = states.decide(claim.status, target)
    if step.status == "ready" and claim.status != "ready":
        uow.note_ready()
    claim.status = step.status
    annotate(**{"billing.claim_id": str(claim.id), "billing.claim_status": step.status,
                "billing.edits": list((detail or {}).get("edits", []))})
    if step.ignored:
        detail = {**(detail or {}), "ignored": True, "proposed_status": step.proposed}
    uow.timeline.add(claim, event, detail)
    return step
