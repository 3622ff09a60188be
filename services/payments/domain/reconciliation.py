"""Reconciliation: bank deposits against remittances, and every claim's balance.

A deposit (EFT or check) matches the accepted remittance with the same trace number (TRN02, which is
the ACH trace or the check number) and the same amount (BPR02, signed). Same trace, different amount
is a mismatch, listed with both figures. A remittance that moves no money (BPR02 = 0) needs no deposit.
"""
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from shared.money import ZERO


@dataclass(frozen=True)
class Deposit:
    id: str
    method: str  # EFT | CHK
    trace_number: str
    amount: Decimal
    deposited_on: date


@dataclass(frozen=True)
class RemittancePayment:
    remit_id: str
    trace_number: str
    payer_id: str
    amount: Decimal  # BPR02 signed: negative when the payer takes money back
    payment_date: date | None


@dataclass(frozen=True)
class Reconciliation:
    matched: list[tuple[Deposit, RemittancePayment]]
    amount_mismatches: list[tuple[Deposit, RemittancePayment]]
    unmatched_deposits: list[Deposit]
    unmatched_remittances: list[RemittancePayment]


def trace_key(trace_number: str) -> str:
    """Banks and payers differ in case, spacing and leading zeros of the same trace number."""
    key = "".join(trace_number.split()).upper()
    return key.lstrip("0") or key


def reconcile(deposits: list[Deposit], remittances: list[RemittancePayment]) -> Reconciliation:
    """Pair each deposit with one remittance: same trace and amount first, then same trace alone."""
    waiting = [r for r in remittances if r.amount != ZERO]
    matched, mismatched, unmatched = [], [], []
    for deposit in sorted(deposits, key=lambda d: (d.deposited_on, d.id)):
        same_trace = [r for r in waiting if trace_key(r.trace_number) == trace_key(deposit.trace_number)]
        exact = [r for r in same_trace if r.amount == deposit.amount]
        if exact:
            matched.append((deposit, exact[0]))
            waiting.remove(exact[0])
        elif same_trace:
            mismatched.append((deposit, same_trace[0]))
            waiting.remove(same_trace[0])
        else:
            unmatched.append(deposit)
    return Reconciliation(matched, mismatched, unmatched, waiting)


@dataclass(frozen=True)
class ClaimBalanceCheck:
    charge: Decimal
    paid: Decimal
    adjustments: Decimal
    patient_responsibility: Decimal
    ledger_balance: Decimal  # ar:insurance as posted

    @property
    def balance(self) -> Decimal:
        """charge - paid - adjustments - patient responsibility."""
        return self.charge - self.paid - self.adjustments - self.patient_responsibility

    @property
    def consistent(self) -> bool:
        return self.balance == self.ledger_balance

    @property
    def closed(self) -> bool:
        return self.consistent and self.balance == ZERO


def claim_balance_check(charge: Decimal, payer_totals: dict[str, Decimal], ledger_balance: Decimal) -> ClaimBalanceCheck:
    """From the billed charge and the account totals of the payer's postings (payments, reversals,
    write-offs, close-outs): cash:clearing is paid, less what a payer paid that is owed back to it
    (liability:payer_overpayment) or that it took back after we refunded it (receivable:payer_recouped), adj:* are
    adjustments, ar:patient is the patient's share, and revenue taken back (a replaced or voided claim closed out)
    is charge no longer billed."""
    adjustments = sum((v for account, v in payer_totals.items() if account.startswith("adj:")), ZERO)
    charge -= payer_totals.get("revenue:charges", ZERO)
    paid = (payer_totals.get("cash:clearing", ZERO) + payer_totals.get("liability:payer_overpayment", ZERO)
            + payer_totals.get("receivable:payer_recouped", ZERO))
    return ClaimBalanceCheck(charge=charge, paid=paid, adjustments=adjustments,
                             patient_responsibility=payer_totals.get("ar:patient", ZERO), ledger_balance=ledger_balance)
