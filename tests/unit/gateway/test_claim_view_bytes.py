"""GET /v1/claims/{id} writes the merged view as it is, without FastAPI validating and serialising it
through ClaimView: the bytes must be those the response model (with exclude_unset) wrote, whichever
parts the services answered."""
from datetime import date, datetime, timezone

import httpx
import orjson
import pytest
from fastapi import FastAPI

from shared.contracts.api.claims import ClaimDetail
from shared.contracts.api.denials import DenialPage
from shared.contracts.api.gateway import ClaimView
from shared.contracts.api.payments import ClaimPostings
from shared.http.json_response import model_bytes
from services.gateway.application.claim_view import merge_claim_view

pytestmark = pytest.mark.unit
CLAIM_ID = "9a871a20-b63e-50bd-9cf3-716d37f46683"
AT = datetime(2026, 11, 23, 10, 0, tzinfo=timezone.utc)

CLAIM = ClaimDetail(
    claim_id=CLAIM_ID, encounter_id="89edf8ec-60c3-4231-9a95-49b7ae2b0ef1", status="paid",
    patient_control_number="5M2QWXRICWMPO55QNPSA", payer_id="AETNA", payer_claim_number="627676228882",
    frequency_code="1", original_claim_id=None, total_charge="147.00", edits=[{"code": "SCRUB-X", "note": "ü"}],
    diagnoses=["E11.9", "I10"], eligibility={"status": "active", "copay": 20.5}, payer_status=None,
    submitted_at=AT.replace(microsecond=500000), next_inquiry_on=None, next_action_on=date(2026, 12, 24),
    lines=[{"line_number": 1, "procedure_code": "99213", "modifiers": ["25"], "units": 1, "charge": "135.00",
            "date_of_service": "2026-11-20"}],
    timeline=[{"at": AT, "service": "claims", "event": "built", "status": "ready", "detail": None},
              {"at": AT.replace(minute=3, microsecond=120000), "service": "claims", "event": "paid", "status": "paid",
               "detail": {"payer_claim_number": "627676228882"}}],
).model_dump_json()
POSTINGS = ClaimPostings(
    payments=[{"remit_id": None, "amount": "76.00", "kind": "payment", "payer_claim_number": "627676228882",
               "posted_at": AT.replace(minute=2)}],
    adjustments=[{"account": "adj:contractual", "amount": "43.00", "line_number": 1, "memo": "CO-45", "category": None}],
    balance="0.00",
    timeline=[{"at": AT.replace(minute=2), "service": "payments", "event": "payment_posted", "detail": {"cash": "76.00"}}],
).model_dump_json()
DENIALS = DenialPage(items=[{
    "denial_id": "a83eafe2-0000-4000-8000-000000000001", "claim_id": CLAIM_ID, "remit_id": "r1", "payer_id": "AETNA",
    "level": "claim", "line_number": None, "procedure_code": None, "carc_codes": ["197"], "rarc_codes": ["N54"],
    "category": "authorization", "preventable": True, "recommended_action": "appeal", "explanation": ["CO-197"],
    "amount": "65.00", "partial": False, "payer_claim_number": None, "status": "open", "priority": 2,
    "assignee": None, "appeal_deadline": "2027-05-21", "days_to_appeal_deadline": 180, "sla_due": "2026-12-04",
    "sla": "ok", "business_days_to_sla": 9, "opened_at": AT.replace(minute=1, microsecond=5), "acted_at": None,
    "resolved_at": None}], next_cursor=None).model_dump_json()


async def _through_the_model(view: dict) -> bytes:
    """What the route answered when FastAPI validated the view as its response model."""
    app = FastAPI()

    @app.get("/view", response_model=ClaimView, response_model_exclude_unset=True)
    async def answer() -> dict:
        return view

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://gateway") as client:
        return (await client.get("/view")).content


@pytest.mark.parametrize("payments,denials,unavailable", [
    (POSTINGS, DENIALS, []), (None, DENIALS, []), (POSTINGS, None, ["denials"]), (None, None, ["payments", "denials"])],
    ids=["all parts", "nothing posted", "denials unavailable", "claim alone"])
async def test_the_merged_view_is_written_as_the_response_model_wrote_it(payments, denials, unavailable):
    view = merge_claim_view(orjson.loads(CLAIM), payments and orjson.loads(payments), denials and orjson.loads(denials),
                            unavailable)
    assert model_bytes(view).body == await _through_the_model(view)
    ClaimView.model_validate_json(model_bytes(view).body)
