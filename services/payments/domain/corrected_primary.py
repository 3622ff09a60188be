"""A primary claim replaced (frequency 7) or voided (8) while a later payer rests on its answer.

A secondary or tertiary was billed, or crossed over to, with the primary's adjudication. Once the primary is
corrected that answer is gone: the later payer's claim must be voided (a replacement's own answer bills that
payer anew, which claims holds as a duplicate until then), and a crossover payer's payment is expected back
when the primary's correction crosses over. Voiding a paid claim and releasing the new one are a person's
decisions, so each later payer becomes a work item in the suspense queue, with what to do; the ledger keeps their postings as the payers
answered until their reversals arrive, and hands none of the primary's share to the patient meanwhile. A crossover
payer's reversal of the payment an item asks after is the answer the item waited for: it closes the item; so does a
later payer's reversal once that payer's claim is voided or replaced.
"""
from dataclasses import dataclass

CORRECTION = "correction"  # the suspense item kind: a later payer's claim to correct, not a payment
REASONS = {
    ("replaced", "claim"): "primary replaced: void this later payer's claim (8); the replacement's answer bills "
                           "that payer anew, held as a duplicate of this one: release it from the fix queue then",
    ("voided", "claim"): "primary voided: void this later payer's claim (8); what its payer paid stays posted "
                         "until the payer reverses it",
    ("replaced", "crossover"): "primary replaced after payer {payer} paid by crossover: its reversal should "
                               "follow the primary's; ask for it or refund if none comes",
    ("voided", "crossover"): "primary voided after payer {payer} paid by crossover: its reversal should follow "
                             "the primary's; ask for it or refund if none comes",
}


@dataclass(frozen=True)
class LaterPayerClaim:
    claim_id: str
    patient_control_number: str


@dataclass(frozen=True)
class PayerAnswer:
    """A payment posted on the primary's own claim, oldest first: who answered, and whether it was reversed."""

    payer_id: str | None
    payer_claim_number: str | None
    reversed: bool = False


@dataclass(frozen=True)
class WorkItem:
    claim_id: str  # the later payer's claim, or the primary's for a crossover payer
    patient_control_number: str
    reason: str
    payer_claim_number: str | None = None


def work_items(correction: str, *, primary_claim_id: str, primary_pcn: str, later_claims: list[LaterPayerClaim],
               crossover: list[PayerAnswer]) -> list[WorkItem]:
    """One item per later payer's claim and per crossover payer that answered on the corrected primary;
    `correction` is 'replaced' or 'voided'."""
    items = [WorkItem(c.claim_id, c.patient_control_number, REASONS[(correction, "claim")]) for c in later_claims]
    seen: set[str | None] = set()
    for answer in crossover:
        if answer.payer_id not in seen:
            seen.add(answer.payer_id)
            items.append(WorkItem(primary_claim_id, primary_pcn,
                                  REASONS[(correction, "crossover")].format(payer=(answer.payer_id or "?")[:30]),
                                  answer.payer_claim_number))
    return items


def crossover_answers(payers_after: int, answers: list[PayerAnswer]) -> list[PayerAnswer]:
    """With a payer after the primary and no later payer's claim of ours, a second payer answering on the
    primary's own claim answered by crossover: its payments that stand. The first payer to answer is the primary."""
    if payers_after <= 0 or not answers:
        return []
    primary = answers[0].payer_id
    return [a for a in answers if a.payer_id != primary and not a.reversed]


def settled_by_reversal(correction: dict, reversed_payer_claim_number: str | None) -> bool:
    """Whether a payer's reversal of its payment numbered `reversed_payer_claim_number` is what this open item
    (its payload `correction`) asks for: a crossover payer's item names the payment it waits to see reversed."""
    return bool(reversed_payer_claim_number) and correction.get("payer_claim_number") == reversed_payer_claim_number


def settled_resolution(remit_id: str | None) -> str:
    """`remit_id` None: the reversal posted before the claim's void, which answers the item."""
    if remit_id is None:
        return "settled: the payer reversed its payment before the void"
    return f"settled: the payer reversed its payment (remittance {remit_id})"
