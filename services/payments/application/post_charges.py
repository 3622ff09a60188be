"""claim.submitted for a batch: the receivables and charges of all new claims in two statements.

One locked read tells which claims are known already or have payments waiting in suspense;
a plain new claim (original, nothing waiting) is posted in the batch, anything else (a void, a
replacement, a resubmission, a later payer's claim, a claim with payments waiting) goes through
record_billed_claim alone.
"""
from uuid import UUID

from shared.contracts.claim import ClaimSubmitted
from shared.kafka.consumer import EventBatch
from services.payments.adapters.ledger_repository import Posting
from services.payments.adapters.repositories import PaymentsUnitOfWork
from services.payments.application.pending_writes import PendingWrites
from services.payments.application.record_billed_claim import receivable_row, record_billed_claim
from services.payments.domain import ledger


def _named_claims(claim: ClaimSubmitted) -> tuple[UUID, set[UUID]]:
    """The claim's own id and every claim it names, each parsed from its text once a batch."""
    claim_id = UUID(claim.claim_id)
    return claim_id, {claim_id} | ({UUID(claim.original_claim_id)} if claim.original_claim_id else set())


def _corrects_another(claim: ClaimSubmitted) -> bool:
    return claim.frequency_code in ("7", "8") and bool(claim.original_claim_id)


def _plain(claim: ClaimSubmitted) -> bool:
    """A new first claim: neither a correction of another nor a later payer's claim of an earlier one."""
    return not _corrects_another(claim) and claim.prior_claim_id is None


async def post_charges(uow: PaymentsUnitOfWork, batch: EventBatch) -> None:
    named = [_named_claims(e.payload) for e in batch.envelopes]
    known = await uow.billed_claims.lock_known(set().union(*(claims for _, claims in named)))
    pending = PendingWrites()
    for event, (claim_id, claims) in zip(batch.traced(), named):
        claim = event.payload
        if not _plain(claim) or claim_id in known:
            await pending.write(uow)
            await record_billed_claim(uow, event)
        else:
            row = receivable_row(event, claim_id)
            pending.receivables.append(row)
            pending.postings.append(_charge(row, claim))
        known |= claims  # a later event of the claim in this batch is a resubmission
    await pending.write(uow)


def _charge(receivable: dict, claim: ClaimSubmitted) -> Posting:
    """The charge posted from the event's own lines: the row's lines are their JSON, whose amounts parse back to
    the same Decimals."""
    transaction = ledger.charge_transaction(str(receivable["claim_id"]), claim.lines)
    return Posting(tenant_id=receivable["tenant_id"], claim_id=receivable["claim_id"],
                   patient_id=receivable["patient_id"], transaction=transaction)
