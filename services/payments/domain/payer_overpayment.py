"""A later payer's payment on its claim after we voided that claim: money owed back to the payer.

The void handed the share that payer was billed for to the patient (domain.withdrawn_share), so applying the
payment to the receivable would take insurance A/R below zero, and its patient share would bill the patient a
second time. Its cash is held for the payer instead (liability:payer_overpayment), none of its adjustments
posted, and a work item asks a person to refund it or to ask the payer for its reversal. The payer's reversal
(CLP02 22) takes the cash and the liability back together, and closes the item.
"""
from decimal import Decimal

from shared.contracts.remit import RemitReceived
from services.payments.domain.ledger import CASH, PAYER_OVERPAYMENT, Entry, Transaction

OVERPAYMENT = "overpayment"  # the suspense item kind: a payer's money to give back, not a payment to post
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
