"""Denials use cases: open denials from remittances, close them when a later payment overturns them."""
import uuid
from datetime import date, datetime, timezone
from uuid import UUID

from sqlalchemy import select

from shared.contracts.denial import DenialOpened, DenialResolved
from shared.contracts.envelope import Envelope
from shared.contracts.remit import RemitReceived
from shared.db.unit_of_work import UnitOfWork
from services.denials.adapters.tables import Denial, DenialAction
from services.denials.domain.appeal_letter import AppealFacts, render_appeal_letter
from services.denials.domain.closing import resolves_denial
from services.denials.domain.detect import detect_denials
from services.denials.domain.queue import appeal_deadline, priority_score, sla_due


def today() -> date:
    return datetime.now(timezone.utc).date()


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


async def take_remit(uow: UnitOfWork, event: Envelope[RemitReceived], *, appeal_days: int, today: date) -> None:
    remit = event.payload
    if not remit.claim_id:
        return
    await _close_overturned(uow, event.tenant_id, remit)
    for found in detect_denials(remit):
        deadline = appeal_deadline(today, appeal_days)
        denial = Denial(
            id=uuid.uuid4(), tenant_id=event.tenant_id, claim_id=UUID(remit.claim_id), remit_id=remit.remit_id,
            payer_id=remit.payer_id, level=found.level, line_number=found.line_number,
            procedure_code=found.procedure_code, carc_codes=list(found.carc_codes), rarc_codes=list(found.rarc_codes),
            category=found.category, preventable=found.preventable, recommended_action=found.recommended_action,
            explanation=[*found.carc_texts, *found.rarc_texts], amount=found.amount, status="open",
            priority=priority_score(found.amount, found.category, (deadline - today).days),
            appeal_deadline=deadline, sla_due=sla_due(today))
        uow.session.add(denial)
        uow.emit(DenialOpened(denial_id=str(denial.id), claim_id=remit.claim_id, remit_id=remit.remit_id,
                              payer_id=remit.payer_id, level=found.level, procedure_code=found.procedure_code,
                              carc_codes=denial.carc_codes, rarc_codes=denial.rarc_codes, category=found.category,
                              amount=found.amount, preventable=found.preventable),
                 tenant_id=event.tenant_id, subject_id=denial.claim_id)


async def _close_overturned(uow: UnitOfWork, tenant_id: UUID, remit: RemitReceived) -> None:
    """A later remittance that pays what was denied closes the denial by itself."""
    open_denials = (await uow.session.execute(select(Denial).where(
        Denial.tenant_id == tenant_id, Denial.claim_id == UUID(remit.claim_id),
        Denial.status.in_(["open", "appealed", "corrected"])))).scalars().all()
    for denial in open_denials:
        if resolves_denial(remit, denial):
            denial.status = "resolved"
            uow.emit(DenialResolved(denial_id=str(denial.id), claim_id=str(denial.claim_id), resolution="paid",
                                    amount=denial.amount), tenant_id=tenant_id, subject_id=denial.claim_id)


async def list_denials(uow: UnitOfWork, *, tenant_id: UUID, filters: dict, limit: int, after: str | None) -> list[Denial]:
    query = select(Denial).where(Denial.tenant_id == tenant_id)
    for column in ("status", "category", "payer_id", "claim_id"):
        if filters.get(column) is not None:
            query = query.where(getattr(Denial, column) == filters[column])
    if after:
        query = query.where(Denial.id > UUID(after))
    return list((await uow.session.execute(query.order_by(Denial.id).limit(limit))).scalars())


class ActionRefused(Exception):
    """The denial cannot take this action in its state. PHI-free message."""


async def _open_denial(uow: UnitOfWork, tenant_id: UUID, denial_id: UUID) -> Denial | None:
    return (await uow.session.execute(select(Denial).where(
        Denial.id == denial_id, Denial.tenant_id == tenant_id).with_for_update())).scalar_one_or_none()


def _act(uow: UnitOfWork, denial: Denial, action: str, actor: str, detail: dict) -> None:
    uow.session.add(DenialAction(tenant_id=denial.tenant_id, denial_id=denial.id, action=action, actor=actor,
                                 detail=detail))


async def write_off(uow: UnitOfWork, *, tenant_id: UUID, denial_id: UUID, actor: str, reason: str) -> Denial | None:
    """Closes the denial; the adjustment reaches the ledger through denial.resolved (payments posts it)."""
    denial = await _open_denial(uow, tenant_id, denial_id)
    if denial is None:
        return None
    if denial.status not in ("open", "appealed"):
        raise ActionRefused(f"a {denial.status} denial cannot be written off")
    denial.status = "written_off"
    denial.resolved_at = utcnow()
    _act(uow, denial, "write-off", actor, {"reason": reason})
    uow.emit(DenialResolved(denial_id=str(denial.id), claim_id=str(denial.claim_id), resolution="written_off",
                            amount=denial.amount, reason=reason), tenant_id=tenant_id, subject_id=denial.claim_id)
    return denial


async def appeal(uow: UnitOfWork, *, tenant_id: UUID, denial_id: UUID, actor: str, note: str) -> tuple[Denial, str] | None:
    """Records the appeal and returns the letter (HTML) built from the denial's facts."""
    denial = await _open_denial(uow, tenant_id, denial_id)
    if denial is None:
        return None
    if denial.status != "open":
        raise ActionRefused(f"a {denial.status} denial cannot be appealed")
    letter = render_appeal_letter(AppealFacts(
        practice_name="Billing office", practice_address=(), payer_name=denial.payer_id, claim_id=str(denial.claim_id),
        payer_claim_number=None, dates_of_service=(), procedure_codes=tuple(filter(None, [denial.procedure_code])),
        billed_amount=denial.amount, carc_texts=tuple(denial.explanation) or tuple(denial.carc_codes),
        category=denial.category, denied_amount=denial.amount, note=note, letter_date=today()))
    denial.status = "appealed"
    _act(uow, denial, "appeal", actor, {"note": note, "letter": letter})
    return denial, letter
