"""A claim's denials as the gateway's claim view asks for them, read in one statement on the driver's
connection outside a transaction (no BEGIN and COMMIT, no ORM session), in the work queue's order."""
from uuid import UUID

import asyncpg

from shared.db.rows import named_rows
from shared.telemetry import db_span

_CLAIM_DENIALS = """
SELECT id, claim_id, remit_id, payer_id, level, line_number, procedure_code, carc_codes, rarc_codes, category,
       preventable, recommended_action, explanation, amount, partial, payer_claim_number, status, priority,
       assignee, appeal_deadline, sla_due, acted_at, opened_at, resolved_at
  FROM denial
 WHERE claim_id = $1 AND tenant_id = $2
 ORDER BY priority DESC, id
 LIMIT $3
"""


async def claim_denials(connection: asyncpg.Connection, *, tenant_id: UUID, claim_id: UUID, limit: int) -> list[tuple]:
    """The tenant's denials of the claim, highest priority first (rows read like the ORM's Denial);
    none for another tenant's claim."""
    with db_span("SELECT"):
        return named_rows(await connection.fetch(_CLAIM_DENIALS, claim_id, tenant_id, limit))
