"""A claim's postings as the gateway merges them into GET /v1/claims/{id}: payments, adjustments, balance, timeline.

The view holds every field of its response model (api.ClaimPostings), instants as datetimes, so it is
written as the model would write it without being validated again."""
from uuid import UUID

from shared.money import ZERO, to_money
from services.payments.adapters.tables import LedgerEntry, LedgerTransaction
from services.payments.domain import ledger


def claim_view(transactions: list[LedgerTransaction], entries: list[LedgerEntry]) -> dict:
    """The view of a claim's transactions and all their entries, read together (ORM rows or driver rows
    with the same attributes)."""
    balance = sum((e.amount for e in entries if e.account == ledger.INSURANCE_AR), ZERO)
    by_txn: dict[UUID, list[LedgerEntry]] = {}
    for entry in entries:
        by_txn.setdefault(entry.transaction_id, []).append(entry)
    payments, adjustments, timeline = [], [], []
    for txn in transactions:
        mine = by_txn.get(txn.id, [])
        cash = sum((e.amount for e in mine if e.account == "cash:clearing"), ZERO)
        if txn.kind in ("payment", "reversal"):
            payments.append({"remit_id": str(txn.remit_id) if txn.remit_id else None, "amount": str(cash),
                             "kind": txn.kind, "payer_claim_number": txn.payer_claim_number,
                             "posted_at": txn.created_at})
        if txn.kind not in ("patient_payment", "credit_applied"):
            adjustments += [{"account": e.account, "amount": str(e.amount), "line_number": e.line_number,
                             "memo": e.memo, "category": e.category}
                            for e in mine if e.account.startswith("adj:") or e.account == "ar:patient"]
        timeline.append({"at": txn.created_at, "service": "payments",
                         "event": {"charge": "charge_posted", "payment": "payment_posted",
                                   "reversal": "payment_reversed", "write_off": "written_off",
                                   "patient_payment": "patient_payment_posted",
                                   "credit_applied": "patient_credit_applied"}.get(txn.kind, txn.kind), "status": None,
                         "detail": {"cash": str(cash or sum((e.amount for e in mine
                                                             if e.account == ledger.PATIENT_CASH), ZERO)
                                               or sum((e.amount for e in mine if e.account == ledger.PATIENT_CREDIT), ZERO))}})
    return {"payments": payments, "adjustments": adjustments, "balance": str(to_money(balance)), "timeline": timeline}
