"""Denials use cases: open denials from remittances, close them when a later payment overturns them."""
import uuid
from datetime import date
from uuid import UUID

from sqlalchemy import select

from shared.contracts.denial import DenialOpened, DenialResolved
from shared.contracts.envelope import Envelope
from shared.contracts.remit import RemitReceived
from shared.db.unit_of_work import UnitOfWork
from services.denials.adapters.tables import Denial
from services.denials.domain.closing import resolves_denial
from services.denials.domain.detect import detect_denials
from services.denials.domain.queue import appeal_deadline, priority_score, sla_due


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
            explanation=list(found.explanation), amount=found.amount, status="open",
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
