"""A claim's ledger transactions and their entries as GET /internal/claims/{id}/postings shows them, read in
one statement on the driver's connection outside a transaction (no BEGIN and COMMIT, no ORM session).

One statement is one snapshot: the balance computed from the entries always explains the listed
transactions, even while a posting commits (two queries under READ COMMITTED could disagree)."""
from uuid import UUID

import asyncpg

from shared.db.rows import named_rows
from shared.telemetry import db_span

_POSTINGS = """
SELECT t.id, t.kind, t.remit_id, t.payer_claim_number, t.created_at,
       e.transaction_id, e.account, e.amount, e.line_number, e.memo, e.category
  FROM ledger_transaction t
  LEFT JOIN ledger_entry e ON e.transaction_id = t.id
 WHERE t.claim_id = $1 AND t.tenant_id = $2
 ORDER BY t.created_at, t.id, e.id
"""


async def claim_postings(connection: asyncpg.Connection, *, tenant_id: UUID, claim_id: UUID
                         ) -> tuple[list[tuple], list[tuple]]:
    """The tenant's transactions on the claim, oldest first, and all their entries (each row reads as both:
    a transaction's columns and, unless it has none, one entry's). Nothing when the tenant has no such claim."""
    with db_span("SELECT"):
        rows = named_rows(await connection.fetch(_POSTINGS, claim_id, tenant_id))
    transactions = list({row.id: row for row in rows}.values())
    return transactions, [row for row in rows if row.transaction_id is not None]
