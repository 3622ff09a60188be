"""Ledger invariants, read from the payments database: postings unique, balanced, cash equal to deposits."""
import hashlib
from decimal import Decimal
from uuid import UUID

from tools.chaos.databases import fetch

CASH = "cash:clearing"

DUPLICATE_POSTINGS = """
    SELECT remit_id, claim_id, kind, payer_claim_number, count(*) AS n FROM ledger_transaction
    WHERE tenant_id = $1 AND kind IN ('payment', 'reversal') GROUP BY 1, 2, 3, 4 HAVING count(*) > 1"""
DUPLICATE_CHARGES = """
    SELECT claim_id, count(*) AS n FROM ledger_transaction WHERE tenant_id = $1 AND kind = 'charge'
    GROUP BY 1 HAVING count(*) > 1"""
UNBALANCED_CLAIMS = """
    SELECT claim_id, sum(amount) AS total FROM ledger_entry WHERE tenant_id = $1 AND claim_id IS NOT NULL
    GROUP BY 1 HAVING sum(amount) <> 0"""
UNBALANCED_TRANSACTIONS = """
    SELECT transaction_id, sum(amount) AS total FROM ledger_entry WHERE tenant_id = $1
    GROUP BY 1 HAVING sum(amount) <> 0"""
OVERALL = "SELECT coalesce(sum(amount), 0) AS total, count(*) AS n FROM ledger_entry WHERE tenant_id = $1"
CASH_BY_REMIT = f"""
    SELECT r.id, r.total_paid, coalesce((SELECT sum(e.amount) FROM ledger_transaction t
        JOIN ledger_entry e ON e.transaction_id = t.id
        WHERE t.remit_id = r.id AND e.account = '{CASH}'), 0) AS posted
    FROM remittance r WHERE r.tenant_id = $1 AND r.status = 'accepted'"""
OPEN_SUSPENSE = "SELECT count(*) AS n FROM suspense_item WHERE tenant_id = $1 AND status = 'open'"
LEDGER_ROWS = """
    SELECT t.id, t.kind, t.claim_id, t.remit_id, t.payer_claim_number, e.account, e.amount, e.line_number, e.memo
    FROM ledger_transaction t JOIN ledger_entry e ON e.transaction_id = t.id WHERE t.tenant_id = $1
    ORDER BY t.id, e.account, e.line_number NULLS FIRST, e.amount, e.memo"""
PAID_CLAIMS = "SELECT DISTINCT claim_id FROM ledger_transaction WHERE tenant_id = $1 AND kind = 'payment'"


async def duplicated(db: str, tenant: UUID) -> dict:
    postings = await fetch(db, "payments", DUPLICATE_POSTINGS, tenant)
    charges = await fetch(db, "payments", DUPLICATE_CHARGES, tenant)
    return {"postings": sum(r["n"] - 1 for r in postings), "charges": sum(r["n"] - 1 for r in charges),
            "example_claims": sorted({str(r["claim_id"]) for r in [*postings, *charges]})[:5]}


async def balances(db: str, tenant: UUID) -> dict:
    claims = await fetch(db, "payments", UNBALANCED_CLAIMS, tenant)
    transactions = await fetch(db, "payments", UNBALANCED_TRANSACTIONS, tenant)
    overall = (await fetch(db, "payments", OVERALL, tenant))[0]
    return {"debits_equal_credits": not claims and not transactions and overall["total"] == 0,
            "unbalanced_claims": len(claims), "unbalanced_transactions": len(transactions),
            "overall_sum": str(overall["total"]), "entries": overall["n"]}


async def cash(db: str, tenant: UUID) -> dict:
    remits = await fetch(db, "payments", CASH_BY_REMIT, tenant)
    off = [r for r in remits if Decimal(r["posted"]) != Decimal(r["total_paid"] or 0)]
    suspense = (await fetch(db, "payments", OPEN_SUSPENSE, tenant))[0]["n"]
    return {"cash_equals_deposits": not off, "remittances": len(remits), "remittances_off": len(off),
            "cash_difference": str(sum((Decimal(r["total_paid"] or 0) - Decimal(r["posted"]) for r in off),
                                       Decimal(0))),
            "open_suspense_items": suspense}


async def ledger_hash(db: str, tenant: UUID) -> dict:
    """A digest of every entry of the tenant's ledger, and how many entries went into it."""
    digest = hashlib.sha256()
    rows = await fetch(db, "payments", LEDGER_ROWS, tenant)
    for row in rows:
        digest.update("|".join("" if v is None else str(v) for v in row.values()).encode() + b"\n")
    return {"sha256": digest.hexdigest(), "entries": len(rows)}


async def paid_claims(db: str, tenant: UUID) -> set[str]:
    return {str(r["claim_id"]) for r in await fetch(db, "payments", PAID_CLAIMS, tenant)}
