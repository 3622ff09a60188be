"""remit.received for a batch: plain claim payments posted in sets, the rest one by one with every rule.

The receivables are read once, locked in claim id order; then one statement reads their balances, the
posting keys already in the ledger and the patients holding credit. A plain payment (not a reversal, to a
claim that was not voided, naming no voided later payer's claim, for a patient holding no credit) is
posted from memory: its ledger rows join one insert of the batch's postings, whose posting keys the unique index holds
once. A claim payment naming no claim of the tenant waits in suspense.
"""
from uuid import UUID

from shared.contracts.envelope import Envelope
from shared.contracts.remit import RemitReceived
from shared.kafka.consumer import EventBatch
from services.payments.adapters.ledger_reads import ClaimBalances
from services.payments.adapters.ledger_repository import Posting
from services.payments.adapters.repositories import PaymentsUnitOfWork
from services.payments.adapters.tables import BilledClaim
from services.payments.application.claim_payment import (
    NO_CLAIM, payment_posted, payment_posting, payment_transaction, payment_waiting, post_or_suspend)
from services.payments.application.pending_writes import PendingWrites
from services.payments.domain import ledger


class _Reads:
    """What the batch read up front, kept current as it posts."""

    def __init__(self, named: dict[str, UUID], receivables: dict, balances: dict, posted: set, credits: dict,
                 places: dict):
        self.named = named  # each claim id a remit names, parsed once a batch
        self.receivables, self.balances, self.posted, self.credits = receivables, balances, posted, credits
        self.places = places  # the payer place of each claim a remit names
        self.one_by_one: set[UUID] = set()  # claims posted with every rule: later payments of theirs too

    def receivable(self, event: Envelope[RemitReceived]) -> BilledClaim | None:
        billed = self.receivables.get(self.named[event.payload.claim_id]) if event.payload.claim_id else None
        return billed if billed is not None and billed.tenant_id == event.tenant_id else None

    def plain(self, billed: BilledClaim, remit: RemitReceived) -> bool:
        named = self.named[remit.claim_id]  # a voided later payer's claim: its payment is owed back (post_to_claim)
        return (ledger.posting_kind(remit.status_code) == "payment" and billed.claim_id not in self.one_by_one
                and not self.balances.setdefault(billed.claim_id, ClaimBalances()).voided
                and not (named != billed.claim_id and named in self.balances and self.balances[named].voided)
                and (billed.tenant_id, billed.patient_id) not in self.credits)


async def _read(uow: PaymentsUnitOfWork, events: list[Envelope[RemitReceived]]) -> _Reads:
    # A later payer's claim posts against the encounter's first claim: keyed by the claim the remit names.
    named = {e.payload.claim_id: UUID(e.payload.claim_id) for e in events if e.payload.claim_id}
    receivables, places = await uow.billed_claims.lock_receivables_placed(set(named.values()))
    # The later payers' own claims too: whether they were voided (a voided claim's close-out names it).
    state = await uow.ledger.state(
        claim_ids={b.claim_id for b in receivables.values()} | set(receivables),
        tenant_keys=[(e.tenant_id, ledger.posting_key(e.payload)) for e in events],
        patients={(b.tenant_id, b.patient_id) for b in receivables.values()})
    return _Reads(named, receivables, state.balances, state.posted, state.credits, places)


async def post_remits(uow: PaymentsUnitOfWork, batch: EventBatch) -> None:
    reads = await _read(uow, batch.envelopes)
    pending = PendingWrites()
    for event in batch.traced():
        remit, billed = event.payload, reads.receivable(event)
        key = (event.tenant_id, ledger.posting_key(remit))
        if billed is None:
            pending.waiting.append(payment_waiting(event.tenant_id, remit, NO_CLAIM))
        elif key in reads.posted:
            continue  # e.g. our own remit.received for a suspense item applied to this claim: posted when applied
        elif reads.plain(billed, remit):
            answered_on = reads.places.get(reads.named[remit.claim_id], "P")
            pending.postings.append(_post_plain(uow, billed, remit, reads.balances[billed.claim_id], answered_on))
        else:
            await pending.write(uow)
            await post_or_suspend(uow, event.tenant_id, billed, remit)
            reads.one_by_one.add(billed.claim_id)
        reads.posted.add(key)
    await pending.write(uow)


def _post_plain(uow: PaymentsUnitOfWork, billed: BilledClaim, remit: RemitReceived, balances: ClaimBalances,
                answered_on: str) -> Posting:
    """The payment posted from memory; the claim's balances move with it for its next payment in the batch."""
    transaction = payment_transaction(billed, remit, balances.patient, answered_on=answered_on)
    balances.insurance += ledger.claim_balance(transaction.entries, ledger.INSURANCE_AR)
    balances.patient += ledger.claim_balance(transaction.entries, ledger.PATIENT_AR)
    uow.emit(payment_posted(billed, remit, transaction, balances.insurance), tenant_id=billed.tenant_id,
             subject_id=billed.claim_id)
    return payment_posting(billed, remit, transaction)

