"""The follow-up work queue (overdue claims, notes, next-action dates) and the submission lag KPI."""
from datetime import date, datetime, time, timezone
from uuid import UUID

from sqlalchemy import and_, func, select

from shared.db.unit_of_work import UnitOfWork
from services.claims import handlers
from services.claims.adapters.tables import Claim, ClaimNote, HeldPayerResponse, TenantPayer
from services.claims.domain.follow_up import QueueItem, prioritize, priority, submission_lag, suggested_action

# Sent and without a remittance: still owed an answer (paid/denied here only from a 277, the 835 missing).
AWAITING_STATUSES = ("submitted", "accepted", "paid", "partial", "denied")


async def follow_up_queue(uow: UnitOfWork, *, tenant_id: UUID, now: datetime, payer_id: str | None = None,
                          due_only: bool = False, limit: int = 50) -> list[dict]:
    query = (select(Claim, TenantPayer.expected_days)
             .join(TenantPayer, and_(TenantPayer.tenant_id == Claim.tenant_id, TenantPayer.payer_id == Claim.payer_id))
             .where(Claim.tenant_id == tenant_id, Claim.status.in_(AWAITING_STATUSES),
                    Claim.remit_received_at.is_(None), Claim.submitted_at.is_not(None),
                    Claim.submitted_at + func.make_interval(0, 0, 0, TenantPayer.expected_days) <= now))
    if payer_id:
        query = query.where(Claim.payer_id == payer_id)
    rows = (await uow.session.execute(query)).all()
    claims = {str(c.id): c for c, _ in rows}
    items = [QueueItem(str(c.id), c.total_charge, c.submitted_at, days, c.next_action_on) for c, days in rows]
    chosen = prioritize(items, now, due_only=due_only)[:limit]
    last_notes = await _last_notes(uow, tenant_id, [UUID(i.claim_id) for i in chosen])
    return [_queue_row(claims[i.claim_id], i, now, last_notes.get(i.claim_id)) for i in chosen]


def _queue_row(claim: Claim, item: QueueItem, now: datetime, note: ClaimNote | None) -> dict:
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


async def _last_notes(uow: UnitOfWork, tenant_id: UUID, claim_ids: list[UUID]) -> dict[str, ClaimNote]:
    if not claim_ids:
        return {}
    rows = await uow.session.execute(
        select(ClaimNote).where(ClaimNote.tenant_id == tenant_id, ClaimNote.claim_id.in_(claim_ids))
        .order_by(ClaimNote.claim_id, ClaimNote.id.desc()).distinct(ClaimNote.claim_id))
    return {str(n.claim_id): n for n in rows.scalars()}


def _note_public(note: ClaimNote) -> dict:
    return {"note_id": note.id, "note": note.note, "author": note.author,
            "at": note.at.isoformat() if note.at else None,
            "next_action_on": note.next_action_on.isoformat() if note.next_action_on else None}


async def add_note(uow: UnitOfWork, *, tenant_id: UUID, claim_id: UUID, note: str, next_action_on: date | None,
                   author: str) -> dict | None:
    """A note and the next action date; the date also becomes the claim's (the queue can hide it until then)."""
    claim = await handlers.find_claim(uow, tenant_id=tenant_id, claim_id=claim_id)
    if claim is None:
        return None
    row = ClaimNote(tenant_id=tenant_id, claim_id=claim_id, note=note, next_action_on=next_action_on, author=author)
    uow.session.add(row)
    claim.next_action_on = next_action_on
    # The note's text stays in claim_note; the timeline says only that one was written.
    handlers.record(uow, claim, "follow_up_note", {"by": author, "next_action_on":
                                                   next_action_on.isoformat() if next_action_on else None})
    await uow.session.flush()
    return _note_public(row)


async def list_notes(uow: UnitOfWork, *, tenant_id: UUID, claim_id: UUID) -> list[dict] | None:
    if await handlers.find_claim(uow, tenant_id=tenant_id, claim_id=claim_id) is None:
        return None
    rows = await uow.session.execute(select(ClaimNote).where(ClaimNote.tenant_id == tenant_id,
                                                             ClaimNote.claim_id == claim_id).order_by(ClaimNote.id))
    return [_note_public(n) for n in rows.scalars()]


async def lag_report(uow: UnitOfWork, *, tenant_id: UUID, since: date | None = None) -> dict:
    """Date of service to first submission, overall and per payer."""
    query = select(Claim.payer_id, Claim.coded["date_of_service"].astext, Claim.submitted_at).where(
        Claim.tenant_id == tenant_id, Claim.submitted_at.is_not(None))
    if since:
        query = query.where(Claim.submitted_at >= datetime.combine(since, time.min, tzinfo=timezone.utc))
    rows = (await uow.session.execute(query)).all()
    by_payer: dict[str, list] = {}
    for payer_id, service_date, submitted_at in rows:
        by_payer.setdefault(payer_id, []).append((date.fromisoformat(service_date), submitted_at))
    everything = [pair for pairs in by_payer.values() for pair in pairs]
    return {"overall": submission_lag(everything),
            "by_payer": [{"payer_id": p, **submission_lag(pairs)} for p, pairs in sorted(by_payer.items())]}


async def held_responses(uow: UnitOfWork, *, tenant_id: UUID, limit: int = 100) -> list[dict]:
    """Payer answers that could not be applied, newest first (the X12 text stays in the database)."""
    rows = await uow.session.execute(select(HeldPayerResponse).where(HeldPayerResponse.tenant_id == tenant_id)
                                     .order_by(HeldPayerResponse.id.desc()).limit(limit))
    return [{"id": r.id, "kind": r.kind, "reason": r.reason, "trace": r.trace,
             "received_at": r.received_at.isoformat() if r.received_at else None} for r in rows.scalars()]


def hold_response(uow: UnitOfWork, *, tenant_id: UUID, kind: str, reason: str, x12: str,
                  trace: str | None = None) -> None:
    uow.session.add(HeldPayerResponse(tenant_id=tenant_id, kind=kind, reason=reason[:300], x12=x12,
                                      trace=trace[:50] if trace else None))
