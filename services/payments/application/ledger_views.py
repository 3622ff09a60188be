"""A claim's postings as the gateway merges them into GET /v1/claims/{id}: payments, adjustments, balance, timeline.

The view holds every field of its response model (api.ClaimPostings), instants as datetimes, so it is
written as the model would write it without being validated again."""
from uuid import UUID

from shared.money import ZERO, to_money
from services.payments.adapters.tables import LedgerEntry, LedgerTransaction
from services.payments.domain import ledger


EVENTS = {"charge": "charge_posted", "payment": "payment_posted", "reversal": "payment_reversed",
          "write_off": "written_off", "patient_payment": "patient_payment_posted",
          "credit_applied": "patient_credit_applied"}
CASH_SHOWN = (ledger.CASH, ledger.PATIENT_CASH, ledger.PATIENT_CREDIT)  # a step's cash: the first that is not zero


def claim_view(transactions: list[LedgerTransaction], entries: list[LedgerEntry]) -> dict:
    """The view of a claim's transactions and all their entries, read together (ORM rows or driver rows
    with the same attributes). Each entry is looked at once: the gateway asks for this on every claim view."""
    balance = ZERO
    by_txn: dict[UUID, list[LedgerEntry]] = {}
    for entry in entries:
        if entry.account == ledger.INSURANCE_AR:
            balance += entry.amount
        by_txn.setdefault(entry.transaction_id, []).append(entry)
    payments, adjustments, timeline = [], [], []
    for txn in transactions:
        kind = txn.kind
        adjusts = kind not in ("patient_payment", "credit_applied")
        cash = dict.fromkeys(CASH_SHOWN, ZERO)
        for entry in by_txn.get(txn.id, ()):
            account = entry.account
            if account in cash:
                cash[account] += entry.amount
            elif adjusts and (account.startswith("adj:") or account == ledger.PATIENT_AR):
                adjustments.append({"account": account, "amount": str(entry.amount), "line_number": entry.line_number,
                                    "memo": entry.memo, "category": entry.category})
        if kind in ("payment", "reversal"):
            payments.append({"remit_id": str(txn.remit_id) if txn.remit_id else None, "amount": str(cash[ledger.CASH]),
                             "kind": kind, "payer_claim_number": txn.payer_claim_number, "posted_at": txn.created_at})
        timeline.append({"at": txn.created_at, "service": "payments", "event": EVENTS.get(kind, kind), "status": None,
                         "detail": {"cash": str(cash[ledger.CASH] or cash[ledger.PATIENT_CASH]
                                                or cash[ledger.PATIENT_CREDIT])}})
    return {"payments": payments, "adjustments": adjustments, "balance": str(to_money(balance)), "timeline": timeline}
