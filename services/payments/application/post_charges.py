"""claim.submitted for a batch: the receivables and charges of all new claims in two multi-row inserts.

One locked read tells which claims are known already and one which have payments waiting in suspense;
a plain new claim (original, nothing waiting) is posted in the batch, anything else (a void, a
replacement, a resubmission, a claim with payments waiting) goes through record_billed_claim alone.
"""
from uuid import UUID

from shared.contracts.claim import ClaimSubmitted
from shared.kafka.consumer import EventBatch
from services.payments.adapters.ledger_repository import Posting
from services.payments.adapters.repositories import PaymentsUnitOfWork
from services.payments.application.record_billed_claim import receivable_row, record_billed_claim
from services.payments.domain import ledger


def _named_claims(claim: ClaimSubmitted) -> set[UUID]:
    return {UUID(claim.claim_id)} | ({UUID(claim.original_claim_id)} if claim.original_claim_id else set())


def _corrects_another(claim: ClaimSubmitted) -> bool:
    return claim.frequency_code in ("7", "8") and bool(claim.original_claim_id)


async def post_charges(uow: PaymentsUnitOfWork, batch: EventBatch) -> None:
    named = set().union(*(_named_claims(e.payload) for e in batch.envelopes))
    known = set(await uow.billed_claims.lock_many(named)) | await uow.suspense.claims_waited_for(named)
    receivables: list[dict] = []
    charges: list[Posting] = []
    for event in batch.traced():
        claim = event.payload
        if _corrects_another(claim) or UUID(claim.claim_id) in known:
            await _write(uow, receivables, charges)
            await record_billed_claim(uow, event)
        else:
            row = receivable_row(event)
            receivables.append(row)
            charges.append(Posting(tenant_id=event.tenant_id, claim_id=row["claim_id"], patient_id=claim.patient_id,
                                   transaction=ledger.charge_transaction(claim.claim_id,
                                                                         ledger.charged_lines(row["lines"]))))
        known |= _named_claims(claim)  # a later event of the claim in this batch is a resubmission
    await _write(uow, receivables, charges)


async def _write(uow: PaymentsUnitOfWork, receivables: list[dict], charges: list[Posting]) -> None:
    """What the batch holds so far, written (before a claim that needs every rule reads the tables)."""
    await uow.billed_claims.add_many(receivables)
    await uow.ledger.add_many(charges)
    receivables.clear()
    charges.clear()
