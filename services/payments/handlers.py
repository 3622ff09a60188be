"""Payments use cases: ingest an 835, record billed claims, post claim payments to the ledger."""
import uuid
from uuid import UUID

from sqlalchemy import select

from shared.contracts.claim import ClaimSubmitted
from shared.contracts.denial import DenialResolved
from shared.contracts.envelope import Envelope
from shared.contracts.identifiers import claim_id_for
from shared.contracts.payment import PaymentPosted
from shared.contracts.remit import RemitReceived
from shared.db.unit_of_work import UnitOfWork
from shared.kafka.errors import PermanentError
from services.payments.adapters.tables import BilledClaim, Remittance, SuspenseItem
from services.payments.domain.balancing import check_balance
from services.payments.domain.duplicates import remittance_key
from services.payments.domain.to_events import remittance_to_events
from services.payments.domain.x835 import Malformed835, parse_835
from services.payments import ledger_store, patient_accounts
from services.payments.domain import ledger, provider_adjustments


NOTHING_TO_REVERSE = "reversal (CLP02 22) names no unreversed payment of the claim"


class RemittanceRejected(Exception):
    """The file is malformed or does not balance; nothing of it is posted. Problems name no PHI."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems[:5]))
        self.problems = problems


async def ingest_remittance(uow: UnitOfWork, *, tenant_id: UUID, x12: str, source: str) -> Remittance:
    """Store the file; emit remit.received per claim payment unless it is malformed, unbalanced or a duplicate."""
    try:
        remittance = parse_835(x12)
    except Malformed835 as exc:
        raise RemittanceRejected(list(exc.problems)) from exc
    problems = check_balance(remittance)
    if problems:
        raise RemittanceRejected(problems)
    remit_id = uuid.uuid4()
    row = Remittance(id=remit_id, tenant_id=tenant_id, source=source, status="accepted",
                     duplicate_key=remittance_key(remittance), payer_id=remittance.payer_id,
                     trace_number=remittance.trace_number, total_paid=remittance.signed_total,
                     claim_count=len(remittance.claims), problems=[], x12=x12)
    if await _is_duplicate(uow, tenant_id, row.duplicate_key):
        row.status = "duplicate"
        uow.session.add(row)
        return row
    uow.session.add(row)
    for event in remittance_to_events(remittance, str(remit_id), lambda pcn: str(claim_id_for(tenant_id, pcn))):
        uow.emit(event, tenant_id=tenant_id, subject_id=UUID(event.claim_id))
    await uow.session.flush()
    await post_provider_adjustments(uow, tenant_id=tenant_id, remit_id=remit_id, remittance=remittance)
    return row


async def post_provider_adjustments(uow: UnitOfWork, *, tenant_id: UUID, remit_id: UUID, remittance) -> None:
    """PLB adjustments post with the file, once each (keyed by the remittance and their position)."""
    for index, adjustment in enumerate(remittance.provider_adjustments, start=1):
        key = f"plb:{remit_id}:{index}"
        reference = provider_adjustments.recoupment_reference(adjustment)
        billed = await ledger_store.claim_named_by(uow, tenant_id, reference) if reference else None
        transaction = provider_adjustments.provider_adjustment_transaction(
            adjustment, recouped_claim_id=str(billed.claim_id) if billed else None)
        if billed is not None:
            await ledger_store.save(uow, billed, transaction, remit_id=remit_id, posting_key=key)
        else:
            await ledger_store.save_remittance_level(uow, tenant_id=tenant_id, remit_id=remit_id,
                                                     transaction=transaction, posting_key=key)


async def keep_rejected(uow: UnitOfWork, *, tenant_id: UUID, x12: str, source: str, error: RemittanceRejected) -> UUID:
    """A rejected file is kept with its problems (the original is never lost), and nothing is posted."""
    remit_id = uuid.uuid4()
    uow.session.add(Remittance(id=remit_id, tenant_id=tenant_id, source=source, status="rejected",
                               problems=error.problems[:200], x12=x12))
    return remit_id


async def _is_duplicate(uow: UnitOfWork, tenant_id: UUID, key: str) -> bool:
    found = await uow.session.execute(select(Remittance.id).where(
        Remittance.tenant_id == tenant_id, Remittance.duplicate_key == key, Remittance.status == "accepted"))
    return found.first() is not None


async def record_billed_claim(uow: UnitOfWork, event: Envelope[ClaimSubmitted]) -> None:
    """The receivable starts when the claim is sent; payments that arrived first leave suspense now.

    A resubmission (after a fix) updates the billed lines and posts only the change in charges.
    """
    claim = event.payload
    if claim.frequency_code == "8" and claim.original_claim_id:
        # A void bills nothing: the original's receivable closes, and the payer's reversal takes its cash back.
        await _close_out(uow, event.tenant_id, UUID(claim.original_claim_id), kind=VOIDED)
        return
    billed = await ledger_store.lock_billed_claim(uow, UUID(claim.claim_id))
    lines = [l.model_dump(mode="json") for l in claim.lines]
    if billed is None:
        billed = BilledClaim(claim_id=UUID(claim.claim_id), tenant_id=event.tenant_id, patient_id=claim.patient_id,
                             payer_id=claim.payer_id, patient_control_number=claim.patient_control_number,
                             total_charge=claim.total_charge, lines=lines, submitted_at=claim.submitted_at,
                             rendering_npi=claim.rendering_npi, date_of_service=_first_service_date(claim))
        uow.session.add(billed)
        await uow.session.flush()
        await ledger_store.post_charge(uow, billed)
        if claim.frequency_code == "7" and claim.original_claim_id:
            await _close_out(uow, event.tenant_id, UUID(claim.original_claim_id), kind=REPLACED)
    elif billed.tenant_id == event.tenant_id:
        await ledger_store.post_charge_change(uow, billed, claim.total_charge - billed.total_charge)
        billed.total_charge, billed.lines, billed.payer_id = claim.total_charge, lines, claim.payer_id
        billed.rendering_npi, billed.date_of_service = claim.rendering_npi, _first_service_date(claim)
    else:
        raise PermanentError("claim.submitted names a claim billed for another tenant")
    waiting = await uow.session.execute(select(SuspenseItem).where(
        SuspenseItem.tenant_id == event.tenant_id, SuspenseItem.claim_id == billed.claim_id,
        SuspenseItem.status == "open").order_by(SuspenseItem.id))
    for item in waiting.scalars():
        if item.kind == "write_off":
            await _write_off(uow, billed, DenialResolved.model_validate(item.payment))
        else:
            try:
                await post_to_claim(uow, billed, RemitReceived.model_validate(item.payment))
            except AlreadyPosted:
                pass
            except ledger_store.NothingToReverse:
                item.reason = NOTHING_TO_REVERSE
                continue
        item.status = "posted"


REPLACED, VOIDED = "replaced", "voided"
CLOSE_OUT_MEMOS = {REPLACED: "replaced by a corrected claim", VOIDED: "voided by the provider"}


async def _close_out(uow: UnitOfWork, tenant_id: UUID, original_claim_id: UUID, *, kind: str) -> None:
    original = await ledger_store.lock_billed_claim(uow, original_claim_id)
    if original is None or original.tenant_id != tenant_id:
        return
    # A void is recorded even with nothing open: its transaction marks the claim, so the payer's later
    # reversal (which reopens what was paid) is closed out too.
    await _close_open_balance(uow, original, kind, even_if_settled=kind == VOIDED)


async def _close_open_balance(uow: UnitOfWork, billed: BilledClaim, kind: str, *, even_if_settled: bool = False) -> None:
    open_balance = await ledger_store.insurance_balance(uow, billed.claim_id)
    if open_balance != 0 or even_if_settled:
        await ledger_store.save(uow, billed, ledger.closed_out_transaction(
            str(billed.claim_id), open_balance, kind=kind, memo=CLOSE_OUT_MEMOS[kind]))


def _first_service_date(claim: ClaimSubmitted):
    return min((line.date_of_service for line in claim.lines), default=None)


async def post_remit(uow: UnitOfWork, event: Envelope[RemitReceived]) -> None:
    remit = event.payload
    billed = await ledger_store.lock_billed_claim(uow, UUID(remit.claim_id)) if remit.claim_id else None
    if billed is None or billed.tenant_id != event.tenant_id:
        uow.session.add(SuspenseItem(
            tenant_id=event.tenant_id, remit_id=UUID(remit.remit_id),
            claim_id=UUID(remit.claim_id) if remit.claim_id else None,
            patient_control_number=remit.patient_control_number, payment=remit.model_dump(mode="json"),
            reason="no submitted claim matches CLP01"))
        return
    try:
        await post_to_claim(uow, billed, remit)
    except AlreadyPosted:
        return  # e.g. our own remit.received for a suspense item applied to this claim: posted when applied
    except ledger_store.NothingToReverse:
        uow.session.add(SuspenseItem(
            tenant_id=event.tenant_id, remit_id=UUID(remit.remit_id), claim_id=billed.claim_id,
            patient_control_number=remit.patient_control_number, payment=remit.model_dump(mode="json"),
            reason=NOTHING_TO_REVERSE))


AlreadyPosted = ledger_store.AlreadyPosted


async def post_to_claim(uow: UnitOfWork, billed: BilledClaim, remit: RemitReceived) -> None:
    """Post the claim payment once; AlreadyPosted when its posting key is already in the claim's ledger."""
    if await ledger_store.already_posted(uow, billed, remit):
        raise AlreadyPosted(str(billed.claim_id))
    summary = await ledger_store.post_remit(uow, billed, remit)
    if await ledger_store.has_transaction(uow, billed.claim_id, VOIDED):
        await _close_open_balance(uow, billed, VOIDED)  # the reversal of a voided claim owes nothing again
    # Credit the patient holds settles the patient responsibility this payer just assessed.
    await patient_accounts.apply_held_credit(uow, tenant_id=billed.tenant_id, patient_id=billed.patient_id)
    uow.emit(PaymentPosted(claim_id=str(billed.claim_id), remit_id=remit.remit_id, status_code=remit.status_code,
                           **summary), tenant_id=billed.tenant_id, subject_id=billed.claim_id)


async def post_write_off(uow: UnitOfWork, event: Envelope[DenialResolved]) -> None:
    """A denial worked to a write-off moves its amount (never more than is open) to adj:writeoff."""
    resolved = event.payload
    if resolved.resolution != "written_off":
        return
    billed = await ledger_store.lock_billed_claim(uow, UUID(resolved.claim_id))
    if billed is None or billed.tenant_id != event.tenant_id:
        # Topics are not ordered among themselves: the claim's claim.submitted may still be on its way.
        uow.session.add(SuspenseItem(
            kind="write_off", tenant_id=event.tenant_id, remit_id=UUID(resolved.denial_id),
            claim_id=UUID(resolved.claim_id), patient_control_number="", payment=resolved.model_dump(mode="json"),
            reason="write-off waiting for its submitted claim"))
        return
    await _write_off(uow, billed, resolved)


async def _write_off(uow: UnitOfWork, billed: BilledClaim, resolved: DenialResolved) -> None:
    amount = min(resolved.amount, await ledger_store.insurance_balance(uow, billed.claim_id))
    if amount > 0:
        await ledger_store.save(uow, billed, ledger.write_off_transaction(str(billed.claim_id), amount,
                                                                          resolved.reason or "write-off"))
