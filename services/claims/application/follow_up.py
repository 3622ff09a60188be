"""The follow-up work queue (overdue claims, notes, next-action dates) and the submission lag KPI."""
from datetime import date, datetime
from uuid import UUID

from services.claims.adapters.tables import ClaimNote
from services.claims.application.steps import record
from services.claims.domain.follow_up import QueueItem, priority, submission_lag, suggested_action


async def follow_up_queue(uow, *, tenant_id: UUID, payer_id: str | None = None, due_only: bool = False,
                          limit: int = 50) -> list[dict]:
    """The page of overdue claims `prioritize` would choose, ranked by the store, with each one's last note."""
    now = uow.now()
    claims = await uow.follow_up.queue(tenant_id, now=now, payer_id=payer_id, due_only=due_only, limit=limit)
    last_notes = await uow.follow_up.last_notes(tenant_id, [c.id for c in claims])
    return [_queue_row(c, now, last_notes.get(str(c.id))) for c in claims]


def _queue_row(claim, now: datetime, note: ClaimNote | None) -> dict:
    item = QueueItem(str(claim.id), claim.total_charge, claim.submitted_at, claim.expected_days, claim.next_action_on)
    return {
        "claim_id": item.claim_id, "patient_control_number": claim.patient_control_number,
        "payer_id": claim.payer_id, "status": claim.status, "amount": str(claim.total_charge),
        "submitted_at": claim.submitted_at.isoformat(), "age_days": item.age_days(now),
        "expected_days": item.expected_days, "days_overdue": item.days_overdue(now),
        "priority": str(priority(item, now)), "payer_status": claim.last_payer_status,
        "next_inquiry_on": claim.next_inquiry_on.isoformat() if claim.next_inquiry_on else None,
        "next_action_on": claim.next_action_on.isoformat() if claim.next_action_on else None,
        "suggested_action": suggested_action(claim.status, claim.last_payer_status),
        "last_note": _note_public(note) if note else None,
    }


def _note_public(note: ClaimNote) -> dict:
    return {"note_id": note.id, "note": note.note, "author": note.author,
            "at": note.at.isoformat() if note.at else None,
            "next_action_on": note.next_action_on.isoformat() if note.next_action_on else None}


async def add_note(uow, *, tenant_id: UUID, claim_id: UUID, note: str, next_action_on: date | None,
                   author: str) -> dict | None:
    """A note and the next action date; the date also becomes the claim's (the queue can hide it until then)."""
    claim = await uow.claims.get(tenant_id, claim_id)
    if claim is None:
        return None
    claim.next_action_on = next_action_on
    # The note's text stays in claim_note; the timeline says only that one was written.
    record(uow, claim, "follow_up_note", {"by": author, "next_action_on":
                                          next_action_on.isoformat() if next_action_on else None})
    row = await uow.follow_up.add_note(ClaimNote(tenant_id=tenant_id, claim_id=claim_id, note=note,
                                                 next_action_on=next_action_on, author=author))
    return _note_public(row)


async def list_notes(uow, *, tenant_id: UUID, claim_id: UUID) -> list[dict] | None:
    if await uow.claims.get(tenant_id, claim_id) is None:
        return None
    return [_note_public(n) for n in await uow.follow_up.notes(tenant_id, claim_id)]


async def lag_report(uow, *, tenant_id: UUID, since: date | None = None) -> dict:
    """Date of service to first submission, overall and per payer."""
    rows = await uow.follow_up.submissions(tenant_id, since)
    by_payer: dict[str, list] = {}
    for payer_id, service_date, submitted_at in rows:
        by_payer.setdefault(payer_id, []).append((date.fromisoformat(service_date), submitted_at))
    everything = [pair for pairs in by_payer.values() for pair in pairs]
    return {"overall": submission_lag(everything),
            "by_payer": [{"payer_id": p, **submission_lag(pairs)} for p, pairs in sorted(by_payer.items())]}


async def held_responses(uow, *, tenant_id: UUID, limit: int = 100) -> list[dict]:
    """Payer answers that could not be applied, newest first (the X12 text stays in the database)."""
    return [{"id": r.id, "kind": r.kind, "reason": r.reason, "trace": r.trace,
             "received_at": r.received_at.isoformat() if r.received_at else None}
            for r in await uow.held_responses.newest(tenant_id, limit)]

