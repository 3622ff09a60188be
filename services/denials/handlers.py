"""Denials use cases: open denials from remittances, work them (assign, appeal, correct, write off),
close them when a later payment overturns them, and count them for analytics."""
import uuid
from datetime import date, datetime, timezone
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from shared.contracts.claim import ClaimCorrectionRequested, ClaimSubmitted
from shared.contracts.denial import DenialOpened, DenialResolved
from shared.contracts.envelope import Envelope
from shared.contracts.remit import RemitReceived
from shared.contracts.tenant import TenantRegistered
from shared.db.unit_of_work import UnitOfWork
from shared.money import ZERO
from services.denials.adapters.tables import AdjudicatedClaim, Denial, DenialAction, Practice, SubmittedClaim
from services.denials.domain.appeal_letter import AppealFacts, render_appeal_letter
from services.denials.domain.closing import resolves_denial
from services.denials.domain.detect import REVERSAL, DetectedDenial, detect_denials
from services.denials.domain.queue import appeal_deadline, priority_score, sla_due

WORKABLE = ("open", "appealed", "appeal_lost", "corrected")


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class ActionRefused(Exception):
    """The denial cannot take this action in its state. PHI-free message."""


# ---- events in ---------------------------------------------------------------------------------------------------

async def register_practice(uow: UnitOfWork, event: Envelope[TenantRegistered]) -> None:
    tenant = event.payload
    values = {"tenant_id": UUID(tenant.tenant_id), "name": tenant.name,
              "billing_provider": tenant.billing_provider.model_dump(mode="json")}
    await uow.session.execute(insert(Practice).values(values).on_conflict_do_update(
        index_elements=["tenant_id"], set_={k: v for k, v in values.items() if k != "tenant_id"}))


async def record_submitted(uow: UnitOfWork, event: Envelope[ClaimSubmitted]) -> None:
    """Keeps what was billed: the appeal letter's facts and the denominators of denial rates by provider."""
    claim = event.payload
    values = {
        "claim_id": UUID(claim.claim_id), "tenant_id": event.tenant_id, "payer_id": claim.payer_id,
        "payer_name": claim.payer_name, "payer_appeal_days": claim.payer_appeal_days,
        "rendering_npi": claim.rendering_npi,
        "original_claim_id": UUID(claim.original_claim_id) if claim.original_claim_id else None,
        "total_charge": claim.total_charge, "procedure_codes": [line.procedure_code for line in claim.lines],
        "dates_of_service": sorted({line.date_of_service for line in claim.lines}), "submitted_at": claim.submitted_at,
    }
    await uow.session.execute(insert(SubmittedClaim).values(values).on_conflict_do_update(
        index_elements=["claim_id"], set_={k: v for k, v in values.items() if k not in ("claim_id", "tenant_id")},
        where=SubmittedClaim.tenant_id == event.tenant_id))


async def take_remit(uow: UnitOfWork, event: Envelope[RemitReceived], *, appeal_days: int, today: date) -> None:
    remit = event.payload
    found = detect_denials(remit)
    claim = await uow.session.get(SubmittedClaim, UUID(remit.claim_id)) if remit.claim_id else None
    # The 835 names the payer by its X12 id; the tenant's own payer id (as billed) groups the figures.
    payer_id = claim.payer_id if claim and claim.tenant_id == event.tenant_id else remit.payer_id
    if not remit.claim_id:
        # Unmatched: it waits in payments' suspense queue, which sends it again with its claim once applied.
        return
    if remit.status_code != REVERSAL:  # a reversal takes back a payment; it is not another adjudication
        await _count_adjudication(uow, event.tenant_id, remit, payer_id, found, today)
    await _close_overturned(uow, event.tenant_id, remit, claim)
    days = claim.payer_appeal_days if claim and claim.payer_appeal_days else appeal_days
    deadline = appeal_deadline(today, days)
    for denial_found in found:
        denial = Denial(
            id=uuid.uuid4(), tenant_id=event.tenant_id, claim_id=UUID(remit.claim_id), remit_id=remit.remit_id,
            payer_id=payer_id, level=denial_found.level, line_number=denial_found.line_number,
            procedure_code=denial_found.procedure_code, carc_codes=list(denial_found.carc_codes),
            rarc_codes=list(denial_found.rarc_codes), category=denial_found.category,
            preventable=denial_found.preventable, recommended_action=denial_found.recommended_action,
            explanation=list(denial_found.explanation), amount=denial_found.amount, partial=denial_found.partial,
            billed_amount=remit.charge, payer_claim_number=remit.payer_claim_control_number, status="open",
            priority=priority_score(denial_found.amount, denial_found.category, (deadline - today).days),
            appeal_deadline=deadline, sla_due=sla_due(today))
        uow.session.add(denial)
        uow.emit(DenialOpened(denial_id=str(denial.id), claim_id=remit.claim_id, remit_id=remit.remit_id,
                              payer_id=payer_id, level=denial.level, procedure_code=denial.procedure_code,
                              procedure_codes=_covered_procedures(denial, remit, claim),
                              carc_codes=denial.carc_codes, rarc_codes=denial.rarc_codes, category=denial.category,
                              amount=denial.amount, preventable=denial.preventable),
                 tenant_id=event.tenant_id, subject_id=denial.claim_id)


def _covered_procedures(denial: Denial, remit: RemitReceived, claim: SubmittedClaim | None) -> list[str]:
    """The line's code; for a claim denial every billed code (an 835 may deny a claim without its SVC lines)."""
    if denial.procedure_code:
        return [denial.procedure_code]
    codes = [line.procedure_code for line in remit.service_lines] or (claim.procedure_codes if claim else [])
    return list(dict.fromkeys(codes))


async def _count_adjudication(uow: UnitOfWork, tenant_id: UUID, remit: RemitReceived, payer_id: str,
                              found: list[DetectedDenial], today: date) -> None:
    claim_denied = any(d.level == "claim" for d in found)
    await uow.session.execute(insert(AdjudicatedClaim).values(
        remit_id=remit.remit_id, patient_control_number=remit.patient_control_number, tenant_id=tenant_id,
        claim_id=UUID(remit.claim_id) if remit.claim_id else None,
        payer_id=payer_id, denied=bool(found), denied_amount=sum((d.amount for d in found), ZERO),
        procedure_codes=[line.procedure_code for line in remit.service_lines],
        denied_procedure_codes=sorted({line.procedure_code for line in remit.service_lines} if claim_denied
                                      else {d.procedure_code for d in found if d.procedure_code}),
        adjudicated_on=remit.payment_date or today).on_conflict_do_nothing())


async def _close_overturned(uow: UnitOfWork, tenant_id: UUID, remit: RemitReceived, claim: SubmittedClaim | None) -> None:
    """A later remittance that pays what was denied closes the denial by itself: on this claim, or on
    the claim this one replaced (a corrected claim, frequency 7)."""
    claim_ids = [UUID(remit.claim_id)] + ([claim.original_claim_id] if claim and claim.original_claim_id else [])
    open_denials = (await uow.session.execute(select(Denial).where(
        Denial.tenant_id == tenant_id, Denial.claim_id.in_(claim_ids), Denial.status.in_(WORKABLE))
        .with_for_update())).scalars().all()
    for denial in open_denials:
        if resolves_denial(remit, denial):
            denial.status = "resolved"
            denial.resolved_at = utcnow()
            uow.emit(DenialResolved(denial_id=str(denial.id), claim_id=str(denial.claim_id), resolution="paid",
                                    amount=denial.amount), tenant_id=tenant_id, subject_id=denial.claim_id)


# ---- the work queue ----------------------------------------------------------------------------------------------

QUEUE_FILTERS = ("status", "category", "payer_id", "claim_id", "assignee", "preventable")


async def list_denials(uow: UnitOfWork, *, tenant_id: UUID, filters: dict, limit: int, after: str | None) -> list[Denial]:
    """Highest priority first, then oldest; the cursor is the last row's (priority, id)."""
    query = select(Denial).where(Denial.tenant_id == tenant_id)
    for column in QUEUE_FILTERS:
        if filters.get(column) is not None:
            query = query.where(getattr(Denial, column) == filters[column])
    if after:
        priority, _, last_id = after.partition(":")
        query = query.where((Denial.priority < int(priority))
                            | ((Denial.priority == int(priority)) & (Denial.id > UUID(last_id))))
    return list((await uow.session.execute(query.order_by(Denial.priority.desc(), Denial.id).limit(limit))).scalars())


async def _denial_for_update(uow: UnitOfWork, tenant_id: UUID, denial_id: UUID) -> Denial | None:
    return (await uow.session.execute(select(Denial).where(
        Denial.id == denial_id, Denial.tenant_id == tenant_id).with_for_update())).scalar_one_or_none()


def _act(uow: UnitOfWork, denial: Denial, action: str, actor: str, detail: dict) -> None:
    """Every action is kept; the first one stops the SLA clock."""
    denial.acted_at = denial.acted_at or utcnow()
    uow.session.add(DenialAction(tenant_id=denial.tenant_id, denial_id=denial.id, action=action, actor=actor,
                                 detail=detail))


async def actions(uow: UnitOfWork, denial: Denial) -> list[DenialAction]:
    rows = await uow.session.execute(select(DenialAction).where(DenialAction.denial_id == denial.id)
                                     .order_by(DenialAction.id))
    return list(rows.scalars())


async def find_denial(uow: UnitOfWork, *, tenant_id: UUID, denial_id: UUID) -> Denial | None:
    denial = await uow.session.get(Denial, denial_id)
    return denial if denial is not None and denial.tenant_id == tenant_id else None


async def assign(uow: UnitOfWork, *, tenant_id: UUID, denial_id: UUID, actor: str, assignee: str | None) -> Denial | None:
    denial = await _denial_for_update(uow, tenant_id, denial_id)
    if denial is None:
        return None
    if denial.status not in WORKABLE:
        raise ActionRefused(f"a {denial.status} denial is closed")
    denial.assignee = assignee
    uow.session.add(DenialAction(tenant_id=tenant_id, denial_id=denial.id, action="assign", actor=actor,
                                 detail={"assignee": assignee}))
    return denial


async def write_off(uow: UnitOfWork, *, tenant_id: UUID, denial_id: UUID, actor: str, reason: str) -> Denial | None:
    """Closes the denial; the adjustment reaches the ledger through denial.resolved (payments posts it)."""
    denial = await _denial_for_update(uow, tenant_id, denial_id)
    if denial is None:
        return None
    if denial.status not in ("open", "appealed", "appeal_lost"):
        raise ActionRefused(f"a {denial.status} denial cannot be written off")
    denial.status = "written_off"
    denial.resolved_at = utcnow()
    _act(uow, denial, "write-off", actor, {"reason": reason})
    uow.emit(DenialResolved(denial_id=str(denial.id), claim_id=str(denial.claim_id), resolution="written_off",
                            amount=denial.amount, reason=reason), tenant_id=tenant_id, subject_id=denial.claim_id)
    return denial


async def appeal(uow: UnitOfWork, *, tenant_id: UUID, denial_id: UUID, actor: str, note: str,
                 enclosures: list[str], today: date) -> tuple[Denial, str] | None:
    """Records the appeal and returns the letter (HTML) built from the claim's facts and the denial."""
    denial = await _denial_for_update(uow, tenant_id, denial_id)
    if denial is None:
        return None
    if denial.status not in ("open", "appeal_lost"):
        raise ActionRefused(f"a {denial.status} denial cannot be appealed")
    if today > denial.appeal_deadline:
        raise ActionRefused(f"the payer's appeal deadline passed on {denial.appeal_deadline.isoformat()}")
    practice = await uow.session.get(Practice, tenant_id)
    claim = await uow.session.get(SubmittedClaim, denial.claim_id)
    letter = render_appeal_letter(appeal_facts(denial, practice, claim, note=note, enclosures=enclosures, today=today))
    level = 2 if denial.status == "appeal_lost" else 1
    denial.status = "appealed"
    _act(uow, denial, "appeal", actor, {"note": note, "level": level, "letter": letter,
                                        "enclosures": list(enclosures), "letter_date": today.isoformat()})
    return denial, letter


class NoAppeal(LookupError):
    """The denial exists but was never appealed: there is no letter to show."""


async def appeal_letter_facts(uow: UnitOfWork, *, tenant_id: UUID, denial_id: UUID) -> AppealFacts | None:
    """The facts of the denial's latest appeal letter, to print it again (as HTML or PDF)."""
    denial = await find_denial(uow, tenant_id=tenant_id, denial_id=denial_id)
    if denial is None:
        return None
    appeals = [a for a in await actions(uow, denial) if a.action == "appeal"]
    if not appeals:
        raise NoAppeal("this denial has not been appealed")
    latest = appeals[-1]
    letter_date = date.fromisoformat(latest.detail["letter_date"]) if "letter_date" in latest.detail else latest.at.date()
    practice = await uow.session.get(Practice, tenant_id)
    claim = await uow.session.get(SubmittedClaim, denial.claim_id)
    return appeal_facts(denial, practice, claim, note=latest.detail.get("note", ""),
                        enclosures=latest.detail.get("enclosures", []), today=letter_date)


def _city_line(address: dict) -> str:
    """SPRINGFIELD, IL 62701-1234: the line a payer's mailroom reads."""
    zip_code = address.get("zip") or ""
    zip_text = f"{zip_code[:5]}-{zip_code[5:]}" if len(zip_code) == 9 else zip_code
    state_zip = " ".join(filter(None, [address.get("state"), zip_text]))
    return ", ".join(filter(None, [address.get("city"), state_zip]))


def appeal_facts(denial: Denial, practice: Practice | None, claim: SubmittedClaim | None, *, note: str,
                 enclosures: list[str], today: date) -> AppealFacts:
    provider = practice.billing_provider if practice else {}
    address = provider.get("address", {})
    return AppealFacts(
        practice_name=provider.get("name") or (practice.name if practice else "Billing office"),
        practice_address=tuple(filter(None, [address.get("line1"), address.get("line2"),
                                             _city_line(address)])),
        payer_name=(claim.payer_name if claim and claim.payer_name else denial.payer_id), claim_id=str(denial.claim_id),
        payer_claim_number=denial.payer_claim_number,
        dates_of_service=tuple(claim.dates_of_service) if claim else (),
        procedure_codes=tuple(claim.procedure_codes if claim else filter(None, [denial.procedure_code])),
        billed_amount=claim.total_charge if claim else (denial.billed_amount or denial.amount),
        carc_texts=tuple(e for e in denial.explanation if "-" in e.split(":")[0]) or tuple(denial.carc_codes),
        rarc_texts=tuple(e for e in denial.explanation if "-" not in e.split(":")[0]),
        category=denial.category, denied_amount=denial.amount, note=note, letter_date=today,
        enclosures=tuple(enclosures))


async def record_appeal_outcome(uow: UnitOfWork, *, tenant_id: UUID, denial_id: UUID, actor: str, outcome: str,
                                note: str) -> Denial | None:
    """Won: the payer will reprocess, and its payment closes the denial. Lost: back to the queue for a
    second-level appeal or a write-off."""
    denial = await _denial_for_update(uow, tenant_id, denial_id)
    if denial is None:
        return None
    if denial.status != "appealed":
        raise ActionRefused(f"a {denial.status} denial has no appeal waiting for an outcome")
    if outcome == "lost":
        denial.status = "appeal_lost"
    _act(uow, denial, "appeal-outcome", actor, {"outcome": outcome, "note": note})
    return denial


async def correct(uow: UnitOfWork, *, tenant_id: UUID, denial_id: UUID, actor: str,
                  correction: dict) -> Denial | None:
    """Sends the corrected codes to claims, which bills a replacement claim (frequency 7 with REF*F8)."""
    denial = await _denial_for_update(uow, tenant_id, denial_id)
    if denial is None:
        return None
    if denial.status not in ("open", "appeal_lost"):
        raise ActionRefused(f"a {denial.status} denial cannot be corrected")
    if not denial.payer_claim_number:
        raise ActionRefused("the payer gave no claim number; a replacement claim needs it for REF*F8")
    request = ClaimCorrectionRequested(correction_id=str(uuid.uuid4()), claim_id=str(denial.claim_id),
                                       denial_id=str(denial.id), **correction)
    denial.status = "corrected"
    _act(uow, denial, "correct", actor, request.model_dump(mode="json", exclude_none=True))
    uow.emit(request, tenant_id=tenant_id, subject_id=denial.claim_id)
    return denial


async def analytics_rows(uow: UnitOfWork, *, tenant_id: UUID, start: date, end: date):
    adjudicated = (await uow.session.execute(
        select(AdjudicatedClaim, SubmittedClaim.rendering_npi)
        .outerjoin(SubmittedClaim, SubmittedClaim.claim_id == AdjudicatedClaim.claim_id)
        .where(AdjudicatedClaim.tenant_id == tenant_id, AdjudicatedClaim.adjudicated_on >= start,
               AdjudicatedClaim.adjudicated_on <= end))).all()
    denials = (await uow.session.execute(
        select(Denial, SubmittedClaim.rendering_npi)
        .outerjoin(SubmittedClaim, SubmittedClaim.claim_id == Denial.claim_id)
        .where(Denial.tenant_id == tenant_id, Denial.opened_at >= datetime.combine(start, datetime.min.time(), timezone.utc),
               Denial.opened_at < datetime.combine(end, datetime.max.time(), timezone.utc)))).all()
    return adjudicated, denials
