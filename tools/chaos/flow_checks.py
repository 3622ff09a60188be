"""Where every accepted encounter ended up, and whether any claim moved backwards or disagrees with the ledger."""
from collections import Counter
from uuid import UUID

from services.claims.domain.states import TRANSITIONS
from tools.chaos.databases import fetch

TERMINAL = {"paid", "partial", "denied", "closed", "voided", "corrected", "appealed"}
WORK_QUEUES = {"held", "rejected"}  # a person works them: the hold's reasons, the fix queue
BEFORE_PAYMENT = {"built", "ready", "submitting", "submitted", "accepted"}

ENCOUNTERS = "SELECT id FROM encounter_intake WHERE tenant_id = $1"
CODED = "SELECT encounter_id, status, claim_id FROM coded_encounter WHERE tenant_id = $1"
CLAIMS = "SELECT id, encounter_id, status, jsonb_array_length(edits) AS edits FROM claim WHERE tenant_id = $1"
TIMELINES = "SELECT claim_id, event, status, at FROM claim_event WHERE tenant_id = $1 ORDER BY claim_id, at, id"


def claim_place(status: str, edits: int) -> str | None:
    """'done' for a terminal claim, 'queue' for one a person works, None while it is still in flight."""
    if status in TERMINAL:
        return "done"
    if status == "rejected" or (status == "held" and edits > 0):
        return "queue"
    return None


async def places(db: str, tenant: UUID, dead_keys: set[str]) -> dict[str, str]:
    """Every encounter the gateway stored -> done | queue | dlq | its stage while in flight."""
    accepted = [str(r["id"]) for r in await fetch(db, "gateway", ENCOUNTERS, tenant)]
    coding = {str(r["encounter_id"]): r for r in await fetch(db, "coding", CODED, tenant)}
    coded = {encounter: row["status"] for encounter, row in coding.items()}
    claims: dict[str, list] = {}
    for row in await fetch(db, "claims", CLAIMS, tenant):
        claims.setdefault(str(row["encounter_id"]), []).append(row)
    result = {}
    for encounter in accepted:
        ours = claims.get(encounter, [])
        found = [claim_place(c["status"], c["edits"]) for c in ours]
        if "done" in found or "queue" in found:
            result[encounter] = "done" if "done" in found else "queue"
        elif coded.get(encounter) == "needs_review":
            result[encounter] = "queue"
        elif {encounter, str((coding.get(encounter) or {}).get("claim_id")), *(str(c["id"]) for c in ours)} & dead_keys:
            result[encounter] = "dlq"
        else:
            result[encounter] = f"claim:{ours[0]['status']}" if ours else f"coding:{coded.get(encounter, 'missing')}"
    return result


def lost_summary(found: dict[str, str], accepted_by_client: set[str]) -> dict:
    stuck = Counter(place for place in found.values() if place not in ("done", "queue", "dlq"))
    missing = accepted_by_client - set(found)
    return {"lost": sum(stuck.values()) + len(missing), "stuck_at": dict(stuck),
            "accepted_but_not_stored": len(missing), "outcomes": dict(Counter(found.values()))}


def backward_steps(statuses: list[str]) -> list[tuple[str, str]]:
    """Consecutive timeline states the state machine does not allow (a repeated state is not a step)."""
    return [(a, b) for a, b in zip(statuses, statuses[1:]) if a != b and b not in TRANSITIONS.get(a, set())]


async def regressions(db: str, tenant: UUID, paid_in_ledger: set[str]) -> dict:
    timelines: dict[str, list] = {}
    for row in await fetch(db, "claims", TIMELINES, tenant):
        timelines.setdefault(str(row["claim_id"]), []).append(row)
    statuses = {str(r["id"]): r["status"] for r in await fetch(db, "claims", CLAIMS, tenant)}
    backwards = {c: backward_steps([e["status"] for e in events]) for c, events in timelines.items()}
    backwards = {c: steps for c, steps in backwards.items() if steps}
    disagree = sorted(c for c in paid_in_ledger if statuses.get(c) in BEFORE_PAYMENT)
    bad = sorted(set(backwards) | set(disagree))
    return {"regressed": len(bad), "backward_timelines": len(backwards), "ledger_paid_claims_unpaid": len(disagree),
            "claims_status_when_ledger_paid": dict(Counter(statuses.get(c) for c in disagree)),
            "backward_steps": dict(Counter(f"{a}->{b}" for steps in backwards.values() for a, b in steps)),
            "example": timeline_of(bad[0], timelines.get(bad[0], []), statuses.get(bad[0])) if bad else None}


def timeline_of(claim_id: str, events: list, status: str | None) -> dict:
    """A claim's timeline without PHI: event names, states and seconds since it was built."""
    start = events[0]["at"] if events else None
    return {"claim_id": claim_id, "status": status,
            "timeline": [{"event": e["event"], "status": e["status"], "t": round((e["at"] - start).total_seconds(), 3)}
                         for e in events]}
