"""An 835 arrives: kept as received, checked, and turned into one remit.received per claim payment.

Provider-level (PLB) adjustments post with the file itself, so the remittance's cash equals its BPR02.
"""
import uuid
from uuid import UUID

from shared.contracts.identifiers import claim_id_for
from services.payments.adapters.ledger_repository import Posting
from services.payments.adapters.repositories import PaymentsUnitOfWork
from services.payments.adapters.tables import Remittance
from services.payments.domain import provider_adjustments
from services.payments.domain.balancing import check_balance
from services.payments.domain.duplicates import remittance_key
from services.payments.domain.to_events import remittance_to_events
from services.payments.domain.x835 import Malformed835, parse_835


class RemittanceRejected(Exception):
    """The file is malformed or does not balance; nothing of it is posted. Problems name no PHI."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems[:5]))
        self.problems = problems


async def ingest_remittance(uow: PaymentsUnitOfWork, *, tenant_id: UUID, x12: str, source: str) -> Remittance:
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
    if await uow.remittances.accepted_with_key(tenant_id, row.duplicate_key):
        row.status = "duplicate"
        uow.remittances.add(row)
        return row
    uow.remittances.add(row)
    for event in remittance_to_events(remittance, str(remit_id), lambda pcn: str(claim_id_for(tenant_id, pcn))):
        uow.emit(event, tenant_id=tenant_id, subject_id=UUID(event.claim_id))
    await uow.remittances.flush()  # a concurrent twin file loses on the unique index here, before anything posts
    await post_provider_adjustments(uow, tenant_id=tenant_id, remit_id=remit_id, remittance=remittance)
    return row


async def post_provider_adjustments(uow: PaymentsUnitOfWork, *, tenant_id: UUID, remit_id: UUID, remittance) -> None:
    """PLB adjustments post with the file, once each (keyed by the remittance and their position)."""
    for index, adjustment in enumerate(remittance.provider_adjustments, start=1):
        key = f"plb:{remit_id}:{index}"
        reference = provider_adjustments.recoupment_reference(adjustment)
        billed = await _claim_named_by(uow, tenant_id, reference) if reference else None
        transaction = provider_adjustments.provider_adjustment_transaction(
            adjustment, recouped_claim_id=str(billed.claim_id) if billed else None)
        if billed is not None:
            posting = Posting.for_claim(billed, transaction, remit_id=remit_id, posting_key=key)
        else:
            posting = Posting(tenant_id=tenant_id, transaction=transaction, remit_id=remit_id, posting_key=key)
        await uow.ledger.add(posting)


async def _claim_named_by(uow: PaymentsUnitOfWork, tenant_id: UUID, reference: str):
    """The billed claim a payer's reference names: its payer claim number (ICN) or our patient control number."""
    claim_id = await uow.ledger.claim_of_payer_claim_number(tenant_id, reference)
    return await uow.billed_claims.named_by(tenant_id, claim_id=claim_id, patient_control_number=reference)


async def keep_rejected(uow: PaymentsUnitOfWork, *, tenant_id: UUID, x12: str, source: str,
                        error: RemittanceRejected) -> UUID:
    """A rejected file is kept with its problems (the original is never lost), and nothing is posted."""
    remit_id = uuid.uuid4()
    uow.remittances.add(Remittance(id=remit_id, tenant_id=tenant_id, source=source, status="rejected",
                                   problems=error.problems[:200], x12=x12))
    return remit_id
