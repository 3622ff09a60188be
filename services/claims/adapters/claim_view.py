"""The claim as GET /internal/claims/{id} shows it, read in one statement: the claim row with its
lines and its timeline aggregated by Postgres, instead of three queries (one round trip, not three),
run on the driver's connection outside a transaction (no BEGIN and COMMIT, no ORM session).

Postgres writes JSON its own way (a numeric as a number, a timestamp with a trimmed fraction), so
the aggregates carry charges and dates as text and each timestamp is read back as an instant. The view
holds every field of api.ClaimDetail, instants and days as themselves, so the route writes it as the
model would (`model_bytes`) without validating it again: the bytes are those the ORM-loaded rows gave.
"""
from datetime import datetime, timezone
from uuid import UUID

import asyncpg

from shared.telemetry import db_span

_CLAIM_VIEW = """
SELECT c.id, c.encounter_id, c.status, c.patient_control_number, c.payer_id, c.payer_claim_number,
       c.frequency_code, c.original_claim_id, c.payer_sequence, c.prior_claim_id,
       c.total_charge::text AS total_charge, c.edits,
       c.coded -> 'diagnoses' AS diagnoses, c.eligibility, c.last_payer_status, c.submitted_at,
       c.next_inquiry_on, c.next_action_on,
       (SELECT coalesce(json_agg(json_build_object(
                   'line_number', l.line_number, 'procedure_code', l.procedure_code, 'modifiers', l.modifiers,
                   'units', l.units, 'charge', l.charge::text, 'date_of_service', to_char(l.date_of_service, 'YYYY-MM-DD'))
                ORDER BY l.line_number), '[]')
          FROM claim_line l WHERE l.claim_id = c.id) AS lines,
       (SELECT coalesce(json_agg(json_build_object(
                   'at', e.at, 'event', e.event, 'status', e.status, 'detail', e.detail) ORDER BY e.id), '[]')
          FROM claim_event e WHERE e.claim_id = c.id) AS events
  FROM claim c
 WHERE c.id = $1 AND c.tenant_id = $2
"""


async def claim_view(connection: asyncpg.Connection, *, tenant_id: UUID, claim_id: UUID) -> dict | None:
    """The tenant's claim with its lines and timeline; None when the tenant has no such claim.

    `connection` is a driver connection (shared.db.engine.statement_connection): the read is one
    statement, prepared once per connection, with no transaction or ORM session around it. Its JSON
    columns arrive decoded by the codecs SQLAlchemy's dialect registers on every pooled connection."""
    with db_span("SELECT"):
        row = await connection.fetchrow(_CLAIM_VIEW, claim_id, tenant_id)
    if row is None:
        return None
    return {
        "claim_id": str(row["id"]), "encounter_id": str(row["encounter_id"]), "status": row["status"],
        "patient_control_number": row["patient_control_number"], "payer_id": row["payer_id"],
        "payer_claim_number": row["payer_claim_number"], "frequency_code": row["frequency_code"],
        "original_claim_id": str(row["original_claim_id"]) if row["original_claim_id"] else None,
        "payer_sequence": row["payer_sequence"],
        "prior_claim_id": str(row["prior_claim_id"]) if row["prior_claim_id"] else None,
        "total_charge": row["total_charge"], "edits": row["edits"],
        "diagnoses": [d["code"] for d in row["diagnoses"] or []],
        "eligibility": row["eligibility"], "payer_status": row["last_payer_status"],
        "submitted_at": row["submitted_at"], "next_inquiry_on": row["next_inquiry_on"],
        "next_action_on": row["next_action_on"],
        "lines": row["lines"],
        "timeline": [{"at": _utc(e["at"]), "service": "claims", "event": e["event"], "status": e["status"],
                      "detail": e["detail"]} for e in row["events"]],
    }


def _utc(postgres_json_timestamp: str) -> datetime:
    """Postgres's JSON timestamp (session time zone, fraction trimmed) as the instant in UTC."""
    return datetime.fromisoformat(postgres_json_timestamp).astimezone(timezone.utc)
