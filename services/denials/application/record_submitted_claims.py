"""claim.submitted, a batch at a time: what was billed, kept for the appeal letter's facts and as the
denominators of denial rates by provider. One multi-row upsert per batch."""
from uuid import UUID

from shared.contracts.claim import ClaimSubmitted
from shared.contracts.envelope import Envelope
from shared.kafka.consumer import EventBatch
from services.denials.adapters.repositories import DenialsUnitOfWork


async def record_submitted_claims(uow: DenialsUnitOfWork, batch: EventBatch) -> None:
    rows = {}
    for event in batch.traced():
        row = submitted_claim_row(event)
        rows[row["claim_id"]] = row  # a claim submitted twice in one batch: the later submission wins
    await uow.submitted_claims.upsert_many(list(rows.values()))


def submitted_claim_row(event: Envelope[ClaimSubmitted]) -> dict:
    claim = event.payload
    return {
        "claim_id": UUID(claim.claim_id), "tenant_id": event.tenant_id, "payer_id": claim.payer_id,
        "payer_name": claim.payer_name, "payer_appeal_days": claim.payer_appeal_days,
        "rendering_npi": claim.rendering_npi,
        "original_claim_id": UUID(claim.original_claim_id) if claim.original_claim_id else None,
        "total_charge": claim.total_charge, "procedure_codes": [line.procedure_code for line in claim.lines],
        "dates_of_service": sorted({line.date_of_service for line in claim.lines}), "submitted_at": claim.submitted_at,
    }
