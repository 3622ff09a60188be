"""GET /internal/claims: the tenant's claims, newest first, with filters and a cursor."""
from datetime import datetime, timezone
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Query, Request

from shared.contracts.api.claims import ClaimListQuery, ClaimPage
from shared.http.auth import CallerDep
from shared.http.problems import Problem
from services.claims.adapters.tables import Claim

router = APIRouter(prefix="/internal", tags=["claims"])


def encode_cursor(claim: Claim) -> str:
    return f"{claim.created_at.isoformat()}~{claim.id}"


def decode_cursor(cursor: str) -> tuple[datetime, UUID]:
    """A naive or out-of-range time cannot be compared with created_at: a 422, not a failed query."""
    try:
        at, _, claim_id = cursor.partition("~")
        parsed = datetime.fromisoformat(at)
        if parsed.tzinfo is None:
            raise ValueError("naive time")
        return parsed.astimezone(timezone.utc), UUID(claim_id)
    except (ValueError, OverflowError) as exc:
        raise Problem(422, "Invalid cursor", "use the next_cursor of the previous page",
                      errors=[{"field": "cursor", "message": "not a cursor of this list"}]) from exc


@router.get("/claims", response_model=ClaimPage)
async def list_claims(request: Request, caller: CallerDep, filters: Annotated[ClaimListQuery, Query()]) -> dict:
    equal = {column: value for column, value in (
        ("status", filters.status), ("payer_id", filters.payer_id), ("encounter_id", filters.encounter_id),
        ("frequency_code", filters.frequency_code)) if value is not None}
    before = decode_cursor(filters.cursor) if filters.cursor else None
    async with request.app.state.runtime.units_of_work() as uow:
        rows = await uow.claims.page(UUID(caller.tenant_id), filters=equal, limit=filters.limit, before=before)
    return {"items": [{"claim_id": str(c.id), "encounter_id": str(c.encounter_id), "status": c.status,
                       "payer_id": c.payer_id, "patient_control_number": c.patient_control_number,
                       "payer_claim_number": c.payer_claim_number, "frequency_code": c.frequency_code,
                       "total_charge": str(c.total_charge), "created_at": c.created_at.isoformat()} for c in rows],
            "next_cursor": encode_cursor(rows[-1]) if len(rows) == filters.limit else None}
