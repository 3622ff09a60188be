"""A later payer's claim the provider voided: the share the payer before it left the patient becomes the patient's.

While a later payer is billed, the earlier payer's patient responsibility waits in ar:insurance, tagged with the
categories its 835 gave it (PR-1 deductible, PR-2 coinsurance, PR-3 copay, other PR reasons): the held entries of
its payment (domain.ledger). Once the later payer is withdrawn, what ar:insurance holds of that share moves to
ar:patient in those categories, never more than the share, so the void, the payer's reversal (of a payment, a
zero payment or a denial) and a late answer may arrive in any order and any number of times.
"""
from dataclasses import dataclass
from decimal import Decimal

from shared.money import ZERO
from services.payments.domain import ledger
from services.payments.domain.ledger import INSURANCE_AR, PATIENT_AR, Entry, Transaction

SHARE_TO_PATIENT = "share_to_patient"  # a voided later payer's share, back with the patient
CATEGORY_ORDER = ("deductible", "coinsurance", "copay", "other")
MEMO = "voided later payer's share"

Split = dict[int | None, dict[str, Decimal]]  # line (None: claim level) -> PR category -> amount


@dataclass(frozen=True)
class Posted:
    """One transaction of the receivable as posted, oldest first, and whether a reversal took it back."""

    transaction: Transaction
    reversed: bool = False


def share_posting_key(trigger: object) -> str:
    """One move per trigger (a reversal's id, or `void/<claim id>`); the cap makes a second move move nothing."""
    return f"{SHARE_TO_PATIENT}/{trigger}"


def primary_corrected(history: list[Posted]) -> bool:
    """The receivable itself was replaced or voided: what it held is closed out, not the patient's."""
    return any(p.transaction.kind in (ledger.REPLACED, ledger.VOIDED) for p in history)


def held_split(history: list[Posted]) -> Split | None:
    """The patient share the latest unreversed payment held for a later payer, by line and category; None when no
    payment of the claim held any (posted before shares were kept by category)."""
    for posted in reversed(history):
        if posted.transaction.kind != "payment" or posted.reversed:
            continue
        held: Split = {}
        for entry in posted.transaction.entries:
            if entry.account == INSURANCE_AR and entry.category and entry.amount > 0:
                by_category = held.setdefault(entry.line_number, {})
                by_category[entry.category] = by_category.get(entry.category, ZERO) + entry.amount
        if held:
            return held
    return None


def moved_split(history: list[Posted]) -> Split:
    """What earlier moves of a withdrawn payer's share gave the patient, by line and category."""
    moved: Split = {}
    for posted in history:
        if posted.transaction.kind == SHARE_TO_PATIENT:
            for entry in posted.transaction.entries:
                if entry.account == PATIENT_AR:
                    by_category = moved.setdefault(entry.line_number, {})
                    category = entry.category or "other"
                    by_category[category] = by_category.get(category, ZERO) + entry.amount
    return moved


def open_insurance(history: list[Posted]) -> dict[int | None, Decimal]:
    open_by_line: dict[int | None, Decimal] = {}
    for posted in history:
        for entry in posted.transaction.entries:
            if entry.account == INSURANCE_AR:
                open_by_line[entry.line_number] = open_by_line.get(entry.line_number, ZERO) + entry.amount
    return open_by_line


def share_to_patient(claim_id: str, history: list[Posted]) -> Transaction:
    """What ar:insurance still holds of the earlier payer's share, to ar:patient in its categories. Lines first,
    then the claim-level share; never more than the claim's open ar:insurance, never more than the share less
    what earlier moves gave."""
    held = held_split(history)
    if not held:
        return Transaction.empty(SHARE_TO_PATIENT)
    moved, open_by_line = moved_split(history), open_insurance(history)
    budget = max(sum(open_by_line.values(), ZERO), ZERO)
    entries: list[Entry] = []
    for line in sorted(held, key=lambda n: (n is None, n or 0)):
        available = budget if line is None else min(max(open_by_line.get(line, ZERO), ZERO), budget)
        for category, amount in _fill(held[line], moved.get(line, {}), available):
            entries += [Entry(PATIENT_AR, amount, claim_id, line, MEMO, category),
                        Entry(INSURANCE_AR, -amount, claim_id, line, MEMO, category)]
            budget -= amount
    return Transaction.of(SHARE_TO_PATIENT, entries)


def _fill(held: dict[str, Decimal], moved: dict[str, Decimal], available: Decimal) -> list[tuple[str, Decimal]]:
    """Up to `available` of what is left of each category, deductible first (the order patients are told)."""
    order = sorted(held, key=lambda c: CATEGORY_ORDER.index(c) if c in CATEGORY_ORDER else len(CATEGORY_ORDER))
    taken = []
    for category in order:
        amount = min(max(held[category] - moved.get(category, ZERO), ZERO), available)
        if amount > 0:
            taken.append((category, amount))
            available -= amount
    return taken


def legacy_share(claim_id: str, reversal: Transaction) -> Transaction:
    """A claim whose payments kept no categorised share: what the reversal reopened, line by line, as 'other'."""
    reopened: dict[int | None, Decimal] = {}
    for entry in reversal.entries:
        if entry.account == INSURANCE_AR:
            reopened[entry.line_number] = reopened.get(entry.line_number, ZERO) + entry.amount
    entries = []
    for line, amount in reopened.items():
        if amount > 0:
            entries += [Entry(PATIENT_AR, amount, claim_id, line, MEMO, "other"),
                        Entry(INSURANCE_AR, -amount, claim_id, line, MEMO, "other")]
    return Transaction.of(SHARE_TO_PATIENT, entries)
