"""A payer's payment on a claim after we voided that claim: money owed back to the payer.

The void withdrew the claim: its receivable was closed out, and for a later payer the share it was billed for went
to the patient (domain.withdrawn_share). Applying the payment would take insurance A/R below zero and book it as
revenue again, and a later payer's patient share would bill the patient a second time. Its cash is held for the
payer instead (liability:payer_overpayment), none of its adjustments posted, and a work item asks a person to refund
it or to ask the payer for its reversal. The payer's reversal (CLP02 22) takes the cash and the liability back
together and closes the item; a refund takes the liability down against the cash paid out and closes it too. A
payer that then recoups the refunded payment as well has taken it twice: that reversal's cash is a receivable from
the payer (PAYER_RECOUPED), with a work item to ask for it back.
"""
from datetime import date
from decimal import Decimal

from shared.contracts.remit import RemitReceived
from services.payments.domain.ledger import (
    CASH, PAYER_OVERPAYMENT, PAYER_RECOUPED, Entry, Transaction, reverse_transaction)

OVERPAYMENT = "overpayment"  # the suspense item kind: a payer's money to give back, not a payment to post
RECOUPMENT = "recoupment"  # the suspense item kind: a refunded payment the payer recouped too, to ask back
REFUND = "payer_refund"  # the ledger transaction of a refund to the payer
MEMO = "paid after its claim was voided"


def held_for_payer(claim_id: str, remit: RemitReceived) -> Transaction:
    """The payment's cash (CLP04, so the remittance's cash still equals its BPR02), owed back to the payer."""
    return Transaction.of("payment", [Entry(CASH, remit.paid, claim_id, None, MEMO),
                                      Entry(PAYER_OVERPAYMENT, -remit.paid, claim_id, None, MEMO)])


def needs_work(remit: RemitReceived) -> bool:
    """Only money received asks for a refund: a denial or a zero payment after the void is recorded, nothing more."""
    return remit.paid > 0


def reason(payer_id: str | None, amount: Decimal) -> str:
    return (f"payer {(payer_id or '?')[:30]} paid {amount} after its claim was voided: refund it, or ask the payer "
            f"to reverse it (CLP02 22), which closes this item")


def settled_by_reversal(item_payment: dict, reversed_transaction_id: str) -> bool:
    """Whether the reversal of the posted payment `reversed_transaction_id` takes back the money this item holds."""
    return item_payment.get("transaction_id") == reversed_transaction_id


class NotRefundable(ValueError):
    """The item holds no payment owed back to a payer (another kind, or a denial's)."""


def refund_amount(kind: str, item_payment: dict) -> Decimal:
    """What an open overpayment item holds for the payer: the held payment's cash, all of it."""
    amount = Decimal(item_payment.get("paid") or 0)
    if kind != OVERPAYMENT or not item_payment.get("transaction_id") or amount <= 0:
        raise NotRefundable("only a payer's overpayment can be refunded")
    return amount


def refund_to_payer(claim_id: str, amount: Decimal, memo: str) -> Transaction:
    """The held money paid back to the payer: the liability goes down and so does cash:clearing (it came in there);
    like a patient refund out of held credit (ledger.refund_transaction)."""
    return Transaction.of(REFUND, [Entry(PAYER_OVERPAYMENT, amount, claim_id, None, memo),
                                   Entry(CASH, -amount, claim_id, None, memo)])


def refund_posting_key(held_transaction_id: str) -> str:
    """A held payment is refunded once, whichever item or request asks."""
    return f"{REFUND}/{held_transaction_id}"


def refund_resolution(method: str, reference: str, refunded_on: date) -> str:
    return f"refunded to the payer: {method} {reference} on {refunded_on.isoformat()}"[:200]


def recouped_after_refund(held: Transaction) -> Transaction:
    """The payer's reversal of a payment we refunded already: its cash leaves again (the 835 withheld it), and
    instead of the liability the refund settled, the payer now owes us that amount."""
    return Transaction.of("reversal", [
        Entry(PAYER_RECOUPED if e.account == PAYER_OVERPAYMENT else e.account, e.amount, e.claim_id, e.line_number,
              e.memo, e.category) for e in reverse_transaction(held).entries])


def recoupment_reason(payer_id: str | None, amount: Decimal) -> str:
    return (f"payer {(payer_id or '?')[:30]} recouped {amount} we had refunded to it already: ask the payer to "
            f"return it (a receivable from the payer until then)")
