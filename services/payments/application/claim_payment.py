"""Posting one claim payment to its claim with every rule: reversals, voided claims, held patient credit.

The batch use cases post the plain payments of a batch themselves and hand the rest here, one at a time.
"""
from decimal import Decimal
from uuid import UUID

from shared.contracts.payment import PaymentPosted
from shared.contracts.remit import RemitReceived
from services.payments.adapters.ledger_repository import AlreadyPosted, Posting
from services.payments.adapters.repositories import PaymentsUnitOfWork, open_suspense_row
from services.payments.adapters.tables import BilledClaim
from services.payments.application import corrected_primary, patient_accounts, payer_overpayment, withdrawn_payer
from services.payments.domain import ledger, reversals
from services.payments.domain import payer_overpayment as domain_overpayment
from services.payments.domain.coordination import coordination

NOTHING_TO_REVERSE = "reversal (CLP02 22) names no unreversed payment of the claim"
NO_CLAIM = "no submitted claim matches CLP01"

class NothingToReverse(LookupError):
    """A CLP02=22 names no unreversed payment of the claim (not posted yet, or already reversed)."""


def payment_posting(billed: BilledClaim, remit: RemitReceived, transaction: ledger.Transaction) -> Posting:
    """A claim payment or reversal, carrying the posting key the unique index holds once."""
    return Posting.for_claim(billed, transaction, remit_id=UUID(remit.remit_id),
                             payer_claim_number=remit.payer_claim_control_number or None,
                             posting_key=ledger.posting_key(remit))


def payment_transaction(billed: BilledClaim, remit: RemitReceived, patient_share: Decimal, *,
                        answered_on: str = "P") -> ledger.Transaction:
    """The claim payment's entries, with what the encounter's other coverages change (domain.coordination);
    `answered_on`: the payer place of the claim the remit names."""
    rules = coordination(remit.status_code, payer_sequence=billed.payer_sequence, payers_after=billed.payers_after,
                         answered_on=answered_on)
    return ledger.post_claim_payment(str(billed.claim_id), remit, ledger.charged_lines(billed.lines),
                                     patient_share=patient_share, rules=rules).transaction


def payment_posted(billed: BilledClaim, remit: RemitReceived, transaction: ledger.Transaction,
                   claim_balance: Decimal) -> PaymentPosted:
    """Built without the contract's parsing: every figure is a sum of the ledger's cent-exact Decimals and the
    texts come from a parsed remit, so parsing them again would give back the same values."""
    return PaymentPosted.model_construct(
        claim_id=str(billed.claim_id), remit_id=remit.remit_id, status_code=remit.status_code,
        claim_balance=claim_balance, reversal=transaction.kind == "reversal", **ledger.posted_figures(transaction))


def payment_waiting(tenant_id: UUID, remit: RemitReceived, reason: str, claim_id: UUID | None = None) -> dict:
    """A suspense row for a claim payment that cannot post now, with the reason."""
    named = claim_id or (UUID(remit.claim_id) if remit.claim_id else None)
    return open_suspense_row("payment", tenant_id, remit_id=UUID(remit.remit_id), claim_id=named,
                             patient_control_number=remit.patient_control_number,
                             payment=remit.model_dump(mode="json"), reason=reason)


async def _answered_on(uow: PaymentsUnitOfWork, remit: RemitReceived) -> str:
    """The payer place of the claim the remit names (a later payer's own claim posts against the first)."""
    if not remit.claim_id:
        return "P"
    return (await uow.billed_claims.payer_places({UUID(remit.claim_id)})).get(UUID(remit.claim_id), "P")


async def post_to_claim(uow: PaymentsUnitOfWork, billed: BilledClaim, remit: RemitReceived) -> None:
    """Post the claim payment once; AlreadyPosted when its posting key is already in the ledger."""
    if await uow.ledger.has_posting_key(billed.tenant_id, ledger.posting_key(remit)):
        raise AlreadyPosted(str(billed.claim_id))
    original = voided_claim = None
    if ledger.posting_kind(remit.status_code) == "reversal":
        original, transaction = await _reversal(uow, billed, remit)
    elif voided_claim := await payer_overpayment.voided_claim_paid(uow, billed, remit):
        transaction = domain_overpayment.held_for_payer(str(billed.claim_id), remit)
    else:
        share = await uow.ledger.account_balance(billed.claim_id, ledger.PATIENT_AR)
        transaction = payment_transaction(billed, remit, share, answered_on=await _answered_on(uow, remit))
    posting = await uow.ledger.add(payment_posting(billed, remit, transaction))
    if original is not None:
        await _after_reversal(uow, billed, remit, posting, original)
    elif voided_claim is not None:
        await payer_overpayment.open_item(uow, billed, remit, posting, voided_claim)
    balance = await uow.ledger.insurance_balance(billed.claim_id)
    for kind in (ledger.VOIDED, ledger.REPLACED):  # what a voided or replaced claim's reversal reopens is owed by no one
        if await uow.ledger.has_transaction(billed.claim_id, kind):
            await close_open_balance(uow, billed, kind)
            break
    # Credit the patient holds settles the patient responsibility this payer just assessed.
    await patient_accounts.apply_held_credit(uow, tenant_id=billed.tenant_id, patient_id=billed.patient_id)
    uow.emit(payment_posted(billed, remit, transaction, balance), tenant_id=billed.tenant_id,
             subject_id=billed.claim_id)


async def _after_reversal(uow: PaymentsUnitOfWork, billed: BilledClaim, remit: RemitReceived, posting: Posting,
                         original: reversals.PostedPayment) -> None:
    """The payment taken back is marked so, and what waited for that reversal follows: a withdrawn payer's share,
    the work items it answers."""
    await uow.ledger.mark_reversed(UUID(original.id), posting.id)
    await withdrawn_payer.after_reversal(uow, billed, remit, posting)
    await corrected_primary.close_settled(uow, billed, reversed_payer_claim_number=original.payer_claim_number,
                                          remit_id=remit.remit_id)
    await corrected_primary.close_withdrawn_later_claim(uow, billed, remit)
    await payer_overpayment.after_reversal(uow, billed, remit, posting, UUID(original.id))


async def _reversal(uow: PaymentsUnitOfWork, billed: BilledClaim, remit: RemitReceived):
    """A CLP02=22 takes back exactly the payment it names (domain.reversals), entry by entry: that payment, and
    the reversal's entries."""
    posted = await uow.ledger.unreversed_payments(billed.tenant_id, billed.claim_id)
    chosen = reversals.payment_to_reverse(
        [reversals.PostedPayment(str(p.id), p.payer_claim_number, p.paid, p.payer_id, p.held_for_payer)
         for p in posted],
        payer_claim_number=remit.payer_claim_control_number, paid=remit.paid, payer_id=remit.payer_id)
    if chosen is None:
        raise NothingToReverse(str(billed.claim_id))
    payment = await uow.ledger.transaction(UUID(chosen.id), "payment")
    if chosen.held_for_payer:
        return chosen, await payer_overpayment.reversal_of_held(uow, billed.tenant_id, chosen, payment)
    return chosen, ledger.reverse_transaction(payment)


async def close_open_balance(uow: PaymentsUnitOfWork, billed: BilledClaim, kind: str, *,
                             even_if_settled: bool = False) -> None:
    """What the payer still owes on a replaced or voided claim leaves the receivable and the revenue."""
    open_balance = await uow.ledger.insurance_balance(billed.claim_id)
    if open_balance != 0 or even_if_settled:
        await uow.ledger.add(Posting.for_claim(billed, ledger.closed_out_transaction(
            str(billed.claim_id), open_balance, kind=kind, memo=ledger.CLOSE_OUT_MEMOS[kind])))


async def post_or_suspend(uow: PaymentsUnitOfWork, tenant_id: UUID, billed: BilledClaim | None,
                          remit: RemitReceived) -> None:
    """remit.received with every rule, for one event: posted, skipped as posted already, or left in suspense."""
    if billed is None or billed.tenant_id != tenant_id:
        await uow.suspense.add_many([payment_waiting(tenant_id, remit, NO_CLAIM)])
        return
    try:
        await post_to_claim(uow, billed, remit)
    except AlreadyPosted:
        return  # e.g. our own remit.received for a suspense item applied to this claim: posted when applied
    except NothingToReverse:
        await uow.suspense.add_many([payment_waiting(tenant_id, remit, NOTHING_TO_REVERSE, billed.claim_id)])

