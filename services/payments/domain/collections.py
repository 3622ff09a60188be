"""Patient collections: what a patient owes, how old it is, which statement is due, where a payment goes.

Pure functions over the patient's balance history (the dated changes of ar:patient): a payer's
patient responsibility raises it; a patient payment, a reversal or an adjustment lowers it. Aging is
first-in first-out: a payment settles the oldest open amount first, so the cycle follows the oldest
dollar still owed. A balance paid off ends the cycle; a later balance starts a new one.
"""
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from shared.money import ZERO
from services.payments.domain.aging import bucket_for, empty_buckets

# (stage, days after the oldest open amount was assessed): the statement cycle.
STATEMENT_STAGES: tuple[tuple[str, int], ...] = (
    ("first_statement", 0), ("reminder_30", 30), ("reminder_60", 60), ("final_notice", 90))


class Overpayment(ValueError):
    """A patient payment larger than what the patient owes, where no credit may be held (allocate_payment)."""


class CreditExceeded(ValueError):
    """A refund larger than the credit the patient holds."""


@dataclass(frozen=True)
class BalanceChange:
    on: date
    amount: Decimal  # + the patient owes more, - a payment or adjustment
    claim_id: str | None = None


@dataclass(frozen=True)
class OpenAmount:
    since: date
    amount: Decimal
    claim_id: str | None = None


@dataclass(frozen=True)
class StatementCycle:
    balance: Decimal
    status: str  # settled | in_cycle | credit
    cycle_start: date | None = None
    stage: str | None = None  # the latest stage due today
    schedule: list[dict] = field(default_factory=list)  # every stage with its date and whether it is due
    next_stage: str | None = None
    next_date: date | None = None


def open_amounts(history: list[BalanceChange]) -> tuple[list[OpenAmount], Decimal]:
    """The amounts still owed, oldest first, and any credit left over (FIFO over the history)."""
    lots: list[list] = []
    credit = ZERO
    for change in sorted(history, key=lambda c: c.on):
        if change.amount > 0:
            amount = change.amount
            if credit:  # an earlier over-credit absorbs a new charge first
                used = min(credit, amount)
                credit, amount = credit - used, amount - used
            if amount:
                lots.append([change.on, amount, change.claim_id])
        elif change.amount < 0:
            credit += _settle(lots, -change.amount, change.claim_id)
    return [OpenAmount(on, amount, claim) for on, amount, claim in lots if amount > 0], credit


def _settle(lots: list[list], amount: Decimal, claim_id: str | None) -> Decimal:
    """Take amount off the lots: the same claim's first (a reversal belongs to its claim), then oldest."""
    order = [lot for lot in lots if claim_id and lot[2] == claim_id] + [lot for lot in lots
                                                                          if not (claim_id and lot[2] == claim_id)]
    for lot in order:
        used = min(lot[1], amount)
        lot[1] -= used
        amount -= used
        if not amount:
            break
    lots[:] = [lot for lot in lots if lot[1] > 0]
    return amount


def patient_aging(history: list[BalanceChange], today: date) -> dict[str, dict]:
    """The patient's open balance in aging buckets by the date each amount was assessed."""
    buckets = empty_buckets()
    for lot in open_amounts(history)[0]:
        bucket = buckets[bucket_for((today - lot.since).days)]
        bucket["amount"] += lot.amount
        bucket["count"] += 1
    return buckets


def statement_cycle(history: list[BalanceChange], today: date, held_credit: Decimal = ZERO) -> StatementCycle:
    """Which statement is due: first statement at once, reminders at 30 and 60 days, final notice at 90.

    held_credit: the patient's credit on account (an overpayment not yet applied or refunded).
    """
    lots, credit = open_amounts(history)
    credit += held_credit
    balance = sum((lot.amount for lot in lots), ZERO) - credit
    if not lots:
        return StatementCycle(balance=balance, status="credit" if credit else "settled")
    start = lots[0].since
    schedule = [{"stage": stage, "date": start + timedelta(days=days), "due": start + timedelta(days=days) <= today}
                for stage, days in STATEMENT_STAGES]
    due = [s for s in schedule if s["due"]]
    upcoming = [s for s in schedule if not s["due"]]
    return StatementCycle(balance=balance, status="in_cycle", cycle_start=start,
                          stage=due[-1]["stage"] if due else None, schedule=schedule,
                          next_stage=upcoming[0]["stage"] if upcoming else None,
                          next_date=upcoming[0]["date"] if upcoming else None)


def allocate_payment(amount: Decimal, open_by_claim: list[OpenAmount]) -> list[tuple[str, Decimal]]:
    """Apply a patient payment to claims, oldest balance first; refuses more than is owed."""
    if amount <= 0:
        raise ValueError("a payment must be a positive amount")
    owed = sum((o.amount for o in open_by_claim), ZERO)
    if amount > owed:
        raise Overpayment(f"payment {amount} is more than the patient's balance {owed}")
    allocations, left = [], amount
    for item in sorted(open_by_claim, key=lambda o: (o.since, o.claim_id or "")):
        used = min(item.amount, left)
        if used > 0:
            allocations.append((item.claim_id, used))
            left -= used
    return allocations


def split_payment(amount: Decimal, open_by_claim: list[OpenAmount]) -> tuple[list[tuple[str, Decimal]], Decimal]:
    """A patient payment applied to what is owed (oldest first); the excess is held as the patient's credit."""
    if amount <= 0:
        raise ValueError("a payment must be a positive amount")
    owed = sum((o.amount for o in open_by_claim), ZERO)
    applied = min(amount, owed)
    return (allocate_payment(applied, open_by_claim) if applied > 0 else []), amount - applied


def apply_credit(credit: Decimal, open_by_claim: list[OpenAmount]) -> list[tuple[str, Decimal]]:
    """How much of the patient's credit settles each open amount, oldest first; never more than either."""
    if credit <= 0:
        return []
    applied = min(credit, sum((o.amount for o in open_by_claim), ZERO))
    return allocate_payment(applied, open_by_claim) if applied > 0 else []


def check_refund(amount: Decimal, credit: Decimal) -> None:
    """A refund pays back held credit only: positive and never more than the credit."""
    if amount <= 0:
        raise ValueError("a refund must be a positive amount")
    if amount > credit:
        raise CreditExceeded(f"refund {amount} is more than the patient's credit {credit}")
