"""Which posted payment a reversal (CLP02 = 22) takes back.

The payer reverses one claim payment: the one with its claim control number (CLP07) and the same paid
amount, negated. On a claim paid by a primary and a secondary payer, a reversal from one must never
take back the other's payment. When the payer omits CLP07, the amount decides; when nothing fits,
the reversal waits in suspense rather than guessing.
"""
from dataclasses import dataclass
from decimal import Decimal

from shared.money import ZERO
from services.payments.domain.ledger import INSURANCE_AR, PATIENT_AR, Entry, Transaction

SHARE_TO_PATIENT = "share_to_patient"  # a voided later payer's share, back with the patient


@dataclass(frozen=True)
class PostedPayment:
    id: str
    payer_claim_number: str | None
    paid: Decimal  # cash:clearing of the posted payment
    payer_id: str | None = None


def payment_to_reverse(posted: list[PostedPayment], *, payer_claim_number: str | None, paid: Decimal,
                       payer_id: str | None = None) -> PostedPayment | None:
    """The latest unreversed payment the reversal names; `posted` is oldest first, `paid` is CLP04 (negative)."""
    amount = -paid
    mine = [p for p in posted if payer_id is None or p.payer_id in (None, payer_id)]
    if payer_claim_number:
        named = [p for p in mine if p.payer_claim_number == payer_claim_number]
        tiers = ([p for p in named if p.paid == amount], named,
                 [p for p in mine if p.payer_claim_number is None and p.paid == amount])
    else:
        tiers = ([p for p in mine if p.paid == amount],)
    for candidates in tiers:
        if candidates:
            return candidates[-1]
    return None


def share_posting_key(reversal_id: object) -> str:
    """One move of a withdrawn payer's share per reversal, whichever of the void and the reversal came last."""
    return f"{SHARE_TO_PATIENT}/{reversal_id}"


def withdrawn_payers_share(claim_id: str, reversal: Transaction) -> Transaction:
    """A later payer's claim the provider voided: the payer's reversal reopens in ar:insurance what it had answered
    for, the share the payer before it left the patient (held for it while it was billed). No payer is billed for
    it any more, so it becomes the patient's, line by line, as if the payer before had been the last."""
    reopened: dict[int | None, Decimal] = {}
    for entry in reversal.entries:
        if entry.account == INSURANCE_AR:
            reopened[entry.line_number] = reopened.get(entry.line_number, ZERO) + entry.amount
    memo = "voided later payer's share"
    entries = []
    for line, amount in reopened.items():
        if amount > 0:
            entries += [Entry(PATIENT_AR, amount, claim_id, line, memo, "other"),
                        Entry(INSURANCE_AR, -amount, claim_id, line, memo, "other")]
    return Transaction.of(SHARE_TO_PATIENT, entries)
