"""Which posted payment a reversal (CLP02 = 22) takes back.

The payer reverses one claim payment: the one with its claim control number (CLP07) and the same paid
amount, negated. On a claim paid by a primary and a secondary payer, a reversal from one must never
take back the other's payment. When the payer omits CLP07, the amount decides; when nothing fits,
the reversal waits in suspense rather than guessing. Of two payments alike, the one applied to the claim is
taken back before one held as owed back to the payer (paid after its claim was voided): the payer reverses
the claim it was asked to, and what it paid twice stays owed back.
"""
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class PostedPayment:
    id: str
    payer_claim_number: str | None
    paid: Decimal  # cash:clearing of the posted payment
    payer_id: str | None = None
    held_for_payer: bool = False  # posted as owed back to the payer (domain.payer_overpayment)


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
            return ([p for p in candidates if not p.held_for_payer] or candidates)[-1]
    return None
