"""Double-entry postings. Debits are positive, credits negative; every transaction sums to zero.

Denials are not write-offs: a non-contractual CO, PI or OA adjustment on an unpaid line is not
posted, so its balance stays open in ar:insurance for the denials service to work.
"""
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from shared import carcs
from shared.contracts.claim import SubmittedLine
from shared.contracts.remit import RemitReceived
from shared.money import ZERO
from services.payments.domain.coordination import Coordination
from services.payments.domain.matching import LineMatch, match_lines

INSURANCE_AR, PATIENT_AR, CASH, PATIENT_CASH = "ar:insurance", "ar:patient", "cash:clearing", "cash:patient"
PR_CATEGORIES = {"1": "deductible", "2": "coinsurance", "3": "copay"}  # CARC 1, 2, 3 under group PR
CONTRACTUAL, OTHER, WRITE_OFF, REVENUE = "adj:contractual", "adj:other", "adj:writeoff", "revenue:charges"
PATIENT_CREDIT = "liability:patient_credit"  # money a patient paid beyond what was owed: we owe it back
PAYER_OVERPAYMENT = "liability:payer_overpayment"  # a payer's payment on a claim we withdrew: owed back to it
PAYER_RECOUPED = "receivable:payer_recouped"  # a refunded overpayment the payer took back too: it owes us that
REPLACED, VOIDED = "replaced", "voided"  # close-out transactions of a claim corrected by frequency 7 or 8
CLOSE_OUT_MEMOS = {REPLACED: "replaced by a corrected claim", VOIDED: "voided by the provider"}



class Unbalanced(ValueError):
    pass


@dataclass(frozen=True)
class Entry:
    account: str
    amount: Decimal
    claim_id: str | None = None
    line_number: int | None = None
    memo: str | None = None
    category: str | None = None  # patient responsibility: deductible | coinsurance | copay | other


@dataclass(frozen=True)
class Transaction:
    kind: str
    entries: tuple[Entry, ...]

    def __post_init__(self) -> None:
        total = sum([e.amount for e in self.entries], ZERO)
        if total != 0:
            raise Unbalanced(f"{self.kind} transaction sums to {total}, not zero")

    @classmethod
    def of(cls, kind: str, entries: list[Entry]) -> "Transaction":
        return cls(kind, tuple([e for e in entries if e.amount != 0]))

    @classmethod
    def empty(cls, kind: str) -> "Transaction":
        return cls(kind, ())


@dataclass(frozen=True)
class ChargedLine:
    line_number: int
    procedure_code: str
    modifiers: tuple[str, ...]
    date_of_service: date | str
    charge: Decimal
    units: int = 1


@dataclass(frozen=True)
class PostingResult:
    transaction: Transaction
    matches: list[LineMatch] = field(default_factory=list)
    unmatched_lines: list[int] = field(default_factory=list)
    denied_line_numbers: list[int] = field(default_factory=list)


def _move(claim_id: str, amount: Decimal, to_account: str, line: int | None, memo: str,
          category: str | None = None) -> list[Entry]:
    """Move an amount out of the insurance receivable into another account."""
    return [Entry(to_account, amount, claim_id, line, memo, category),
            Entry(INSURANCE_AR, -amount, claim_id, line, memo, category)]


def held_share(claim_id: str, amount: Decimal, line: int | None, memo: str, category: str) -> list[Entry]:
    """A patient share kept in ar:insurance for the next payer: the receivable's balance is unchanged, the
    positive entry carries the category the payer gave it."""
    memo = f"{memo} held for the next payer"
    return [Entry(INSURANCE_AR, amount, claim_id, line, memo, category),
            Entry(INSURANCE_AR, -amount, claim_id, line, memo)]


def charged_lines(lines: list[dict]) -> list[ChargedLine]:
    """The billed lines as the receivable stores them (claim.submitted's lines, JSON)."""
    return [ChargedLine(line_number=l["line_number"], procedure_code=l["procedure_code"],
                        modifiers=tuple(l["modifiers"]), date_of_service=date.fromisoformat(l["date_of_service"]),
                        charge=Decimal(l["charge"]), units=l["units"]) for l in lines]


def patient_responsibility_category(carc: str) -> str:
    """PR-1 deductible, PR-2 coinsurance, PR-3 copay; any other PR reason (non-covered, ...) is 'other'."""
    return PR_CATEGORIES.get(carc.strip(), "other")


def charge_transaction(claim_id: str, lines: Sequence[ChargedLine | SubmittedLine]) -> Transaction:
    """Each line's charge into insurance A/R and revenue: billed lines, or claim.submitted's own (their
    numbers and charges alike)."""
    entries = []
    for line in lines:
        entries += [Entry(INSURANCE_AR, line.charge, claim_id, line.line_number, "charge"),
                    Entry(REVENUE, -line.charge, claim_id, line.line_number, "charge")]
    return Transaction.of("charge", entries)


def is_denial(adjustment, line_paid: Decimal) -> bool:
    return carcs.is_denial(adjustment.group_code, adjustment.reason_code, line_paid)


CROSSOVER_STATUSES = frozenset({"2", "3", "20", "21"})  # CLP02: processed as secondary or tertiary
PRIOR_PAYER_IMPACT = "23"  # CARC 23: the prior payer's adjudication, already posted from its own 835


class _Source:
    """Where a posted amount comes from. A secondary or tertiary payer pays the patient's share that
    the primary left (coordination of benefits): its payment and adjustments come out of ar:patient
    first, up to what the patient owes on the claim, and only the rest out of ar:insurance."""

    def __init__(self, patient_share: Decimal):
        self.share = max(patient_share, ZERO)

    def move(self, claim_id: str, amount: Decimal, to_account: str, line: int | None, memo: str,
             category: str | None = None) -> list[Entry]:
        if not self.share:  # none of the patient's share is left to pay (a first payer's answer): all from ar:insurance
            rest = amount - self.share if amount > 0 else amount - ZERO
            return _move(claim_id, rest, to_account, line, memo, category) if rest else []
        from_patient = min(amount, self.share) if amount > 0 else ZERO
        self.share -= from_patient
        entries = [Entry(to_account, from_patient, claim_id, line, memo, category),
                   Entry(PATIENT_AR, -from_patient, claim_id, line, memo, category)] if from_patient else []
        rest = amount - from_patient
        return entries + (_move(claim_id, rest, to_account, line, memo, category) if rest else [])


def _adjustment_entries(claim_id: str, adjustments, paid: Decimal, line: int | None,
                        source: _Source, crossover: bool, rules: Coordination) -> tuple[list[Entry], bool]:
    entries, denied = [], False
    for adj in adjustments:
        memo = f"{adj.group_code}-{adj.reason_code}"
        if is_denial(adj, paid) and not (rules.prior_payer_posted and adj.reason_code == PRIOR_PAYER_IMPACT):
            denied = True
        elif crossover and (adj.group_code == "PR" or adj.reason_code == PRIOR_PAYER_IMPACT):
            continue  # the patient's share is already in ar:patient; the prior payer's part is already posted
        elif rules.prior_payer_posted and adj.reason_code == PRIOR_PAYER_IMPACT:
            continue  # the earlier payer's 835 posted its part to this receivable
        elif adj.group_code == "PR" and rules.hold_patient_share:
            # Stays in ar:insurance (the next payer is billed for it, the patient only after the last), tagged
            # with its category in case that payer is withdrawn (domain.withdrawn_share).
            entries += held_share(claim_id, adj.amount, line, memo, patient_responsibility_category(adj.reason_code))
        elif adj.group_code == "CO":
            entries += source.move(claim_id, adj.amount, CONTRACTUAL, line, memo)
        elif adj.group_code == "PR":
            entries += _move(claim_id, adj.amount, PATIENT_AR, line, memo, patient_responsibility_category(adj.reason_code))
        else:
            entries += source.move(claim_id, adj.amount, OTHER, line, memo)
    return entries, denied


def post_claim_payment(claim_id: str, remit: RemitReceived, claim_lines: list[ChargedLine], *,
                       patient_share: Decimal = ZERO, rules: Coordination = Coordination()) -> PostingResult:
    """patient_share: the claim's ar:patient from earlier payers; a secondary or tertiary payer pays it.
    rules: what the encounter's other coverages change (domain.coordination)."""
    crossover = remit.status_code in CROSSOVER_STATUSES and patient_share > 0 and rules.pays_patient_ar
    source = _Source(patient_share if crossover else ZERO)
    matches, unmatched = match_lines(remit.service_lines, claim_lines, claim_id=claim_id)
    entries: list[Entry] = []
    denied_lines: list[int] = []
    for match in matches:
        line = remit.service_lines[match.remit_index]
        if line.paid:
            entries += source.move(claim_id, line.paid, CASH, match.line_number, "payment")
        adjustment_entries, denied = _adjustment_entries(claim_id, line.adjustments, line.paid, match.line_number,
                                                         source, crossover, rules)
        entries += adjustment_entries
        if denied and match.line_number is not None:
            denied_lines.append(match.line_number)
    claim_level_paid = remit.paid - sum((l.paid for l in remit.service_lines), ZERO)
    if claim_level_paid:
        entries += source.move(claim_id, claim_level_paid, CASH, None, "payment")
    claim_entries, _ = _adjustment_entries(claim_id, remit.claim_adjustments, remit.paid, None, source, crossover,
                                           rules)
    entries += claim_entries
    return PostingResult(Transaction.of("payment", entries), matches, unmatched, denied_lines)


REVERSAL_STATUS = "22"


def posting_kind(status_code: str) -> str:
    """The ledger transaction a claim payment becomes: CLP02 22 takes a payment back, anything else posts one."""
    return "reversal" if status_code == REVERSAL_STATUS else "payment"


def posting_key(remit: RemitReceived) -> str:
    """What makes a claim payment posted once (a unique index holds it): the remittance, the claim, payment or
    reversal, the payer's claim number and, when the event carries it, the CLP's position in its 835 (a payer
    may reverse and re-pay a claim, or split it, in one file). Events without the position keep the older key."""
    parts = [remit.remit_id, remit.claim_id or "", posting_kind(remit.status_code),
             remit.payer_claim_control_number or ""]
    if remit.claim_payment_sequence is not None:
        parts.append(str(remit.claim_payment_sequence))
    return "/".join(parts)


def reverse_transaction(original: Transaction) -> Transaction:
    return Transaction.of("reversal", [Entry(e.account, -e.amount, e.claim_id, e.line_number,
                                             f"reversal {e.memo or ''}".strip(), e.category)
                                       for e in original.entries])


def patient_payment_transaction(claim_id: str, amount: Decimal, memo: str) -> Transaction:
    """The part of a patient's payment applied to one claim: cash:patient up, ar:patient down."""
    return Transaction.of("patient_payment", [Entry(PATIENT_CASH, amount, claim_id, None, memo),
                                              Entry(PATIENT_AR, -amount, claim_id, None, memo)])


def patient_credit_transaction(amount: Decimal, memo: str) -> Transaction:
    """The excess of a patient payment: cash:patient up, held as a credit (a liability) until applied or refunded."""
    return Transaction.of("patient_credit", [Entry(PATIENT_CASH, amount, None, None, memo),
                                             Entry(PATIENT_CREDIT, -amount, None, None, memo)])


def credit_applied_transaction(claim_id: str, amount: Decimal) -> Transaction:
    """Held credit settles a claim's patient responsibility: the liability and ar:patient both go down."""
    return Transaction.of("credit_applied", [Entry(PATIENT_CREDIT, amount, claim_id, None, "patient credit applied"),
                                             Entry(PATIENT_AR, -amount, claim_id, None, "patient credit applied")])


def refund_transaction(amount: Decimal, memo: str) -> Transaction:
    """Held credit paid back to the patient: the liability goes down and so does cash:patient."""
    return Transaction.of("patient_refund", [Entry(PATIENT_CREDIT, amount, None, None, memo),
                                             Entry(PATIENT_CASH, -amount, None, None, memo)])


def write_off_transaction(claim_id: str, amount: Decimal, reason: str) -> Transaction:
    return Transaction.of("write_off", _move(claim_id, amount, WRITE_OFF, None, reason[:100]))


def closed_out_transaction(claim_id: str, open_balance: Decimal, *, kind: str, memo: str) -> Transaction:
    """A claim the payer no longer owes on, by our own correction: a replacement (frequency 7) bills the
    service again, a void (frequency 8) withdraws it. What is still open leaves the receivable and the
    revenue, so the same dollars are never owed twice."""
    return Transaction.of(kind, [Entry(INSURANCE_AR, -open_balance, claim_id, None, memo),
                                 Entry(REVENUE, open_balance, claim_id, None, memo)])


def posted_figures(transaction: Transaction) -> dict:
    """The payment.posted figures, from the accounts the entries credited or debited."""
    totals: dict[str, Decimal] = {}
    for entry in transaction.entries:
        totals[entry.account] = totals.get(entry.account, ZERO) + entry.amount
        if entry.account == PATIENT_AR and entry.category:
            totals[entry.category] = totals.get(entry.category, ZERO) + entry.amount
    return {
        "deductible": totals.get("deductible", ZERO), "coinsurance": totals.get("coinsurance", ZERO),
        "copay": totals.get("copay", ZERO), "paid": totals.get(CASH, ZERO),
        "contractual_adjustment": totals.get(CONTRACTUAL, ZERO), "patient_responsibility": totals.get(PATIENT_AR, ZERO),
        "other_adjustment": totals.get(OTHER, ZERO),
    }


def claim_balance(entries: Sequence[Entry], account: str = INSURANCE_AR) -> Decimal:
    return sum([e.amount for e in entries if e.account == account], ZERO)
