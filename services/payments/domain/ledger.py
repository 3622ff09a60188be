"""Double-entry postings. Debits are positive, credits negative; every transaction sums to zero.

Denials are not write-offs: a non-contractual CO, PI or OA adjustment on an unpaid line is not
posted, so its balance stays open in ar:insurance for the denials service to work.
"""
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from shared import carcs
from shared.contracts.remit import RemitReceived
from shared.money import ZERO
from services.payments.domain.matching import LineMatch, match_lines

INSURANCE_AR, PATIENT_AR, CASH = "ar:insurance", "ar:patient", "cash:clearing"
CONTRACTUAL, OTHER, WRITE_OFF, REVENUE = "adj:contractual", "adj:other", "adj:writeoff", "revenue:charges"



class Unbalanced(ValueError):
    pass


@dataclass(frozen=True)
class Entry:
    account: str
    amount: Decimal
    claim_id: str | None = None
    line_number: int | None = None
    memo: str | None = None


@dataclass(frozen=True)
class Transaction:
    kind: str
    entries: tuple[Entry, ...]

    def __post_init__(self) -> None:
        total = sum((e.amount for e in self.entries), ZERO)
        if total != 0:
            raise Unbalanced(f"{self.kind} transaction sums to {total}, not zero")

    @classmethod
    def of(cls, kind: str, entries: list[Entry]) -> "Transaction":
        return cls(kind, tuple(e for e in entries if e.amount != 0))

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


def _move(claim_id: str, amount: Decimal, to_account: str, line: int | None, memo: str) -> list[Entry]:
    """Move an amount out of the insurance receivable into another account."""
    return [Entry(to_account, amount, claim_id, line, memo), Entry(INSURANCE_AR, -amount, claim_id, line, memo)]


def charge_transaction(claim_id: str, lines: list[ChargedLine]) -> Transaction:
    entries = []
    for line in lines:
        entries += [Entry(INSURANCE_AR, line.charge, claim_id, line.line_number, "charge"),
                    Entry(REVENUE, -line.charge, claim_id, line.line_number, "charge")]
    return Transaction.of("charge", entries)


def is_denial(adjustment, line_paid: Decimal) -> bool:
    return carcs.is_denial(adjustment.group_code, adjustment.reason_code, line_paid)


def _adjustment_entries(claim_id: str, adjustments, paid: Decimal, line: int | None) -> tuple[list[Entry], bool]:
    entries, denied = [], False
    for adj in adjustments:
        memo = f"{adj.group_code}-{adj.reason_code}"
        if is_denial(adj, paid):
            denied = True
        elif adj.group_code == "CO":
            entries += _move(claim_id, adj.amount, CONTRACTUAL, line, memo)
        elif adj.group_code == "PR":
            entries += _move(claim_id, adj.amount, PATIENT_AR, line, memo)
        else:
            entries += _move(claim_id, adj.amount, OTHER, line, memo)
    return entries, denied


def post_claim_payment(claim_id: str, remit: RemitReceived, claim_lines: list[ChargedLine]) -> PostingResult:
    matches, unmatched = match_lines(remit.service_lines, claim_lines, claim_id=claim_id)
    entries: list[Entry] = []
    denied_lines: list[int] = []
    for match in matches:
        line = remit.service_lines[match.remit_index]
        if line.paid:
            entries += _move(claim_id, line.paid, CASH, match.line_number, "payment")
        adjustment_entries, denied = _adjustment_entries(claim_id, line.adjustments, line.paid, match.line_number)
        entries += adjustment_entries
        if denied and match.line_number is not None:
            denied_lines.append(match.line_number)
    claim_level_paid = remit.paid - sum((l.paid for l in remit.service_lines), ZERO)
    if claim_level_paid:
        entries += _move(claim_id, claim_level_paid, CASH, None, "payment")
    claim_entries, _ = _adjustment_entries(claim_id, remit.claim_adjustments, remit.paid, None)
    entries += claim_entries
    return PostingResult(Transaction.of("payment", entries), matches, unmatched, denied_lines)


def reverse_transaction(original: Transaction) -> Transaction:
    return Transaction.of("reversal", [Entry(e.account, -e.amount, e.claim_id, e.line_number, f"reversal {e.memo or ''}".strip())
                                       for e in original.entries])


def write_off_transaction(claim_id: str, amount: Decimal, reason: str) -> Transaction:
    return Transaction.of("write_off", _move(claim_id, amount, WRITE_OFF, None, reason[:100]))


def replaced_transaction(claim_id: str, open_balance: Decimal) -> Transaction:
    """A replacement claim (frequency 7) bills the service again: what the original still had open
    leaves its receivable, so the same dollars are never owed twice."""
    return Transaction.of("replaced", [Entry(INSURANCE_AR, -open_balance, claim_id, None, "replaced by a corrected claim"),
                                       Entry(REVENUE, open_balance, claim_id, None, "replaced by a corrected claim")])


def claim_balance(entries: list[Entry], account: str = INSURANCE_AR) -> Decimal:
    return sum((e.amount for e in entries if e.account == account), ZERO)
