"""Correct and resubmit: a denial worked in the denials service comes back as claim.correction_requested,
and claims bills the replacement claim, which the submission loop sends like any other."""
from uuid import UUID

from shared.contracts.claim import ClaimCoded, ClaimCorrectionRequested
from shared.contracts.envelope import Envelope
from shared.kafka.errors import PermanentError
from services.claims.adapters.tables import Claim
from services.claims.application.build_claims import NewClaim, create_claim
from services.claims.application.steps import transition
from services.claims.catalog import Catalog
from services.claims.domain.replacement import REPLACEABLE, replacement_claim, void_claim


class ReplacementRefused(Exception):
    """The claim cannot be replaced (state, or no payer claim number). PHI-free message."""


async def bill_replacement(uow, event: Envelope[ClaimCorrectionRequested], *, catalog: Catalog) -> NewClaim:
    """From the denials service: a refusal here is a message that can never succeed, so it is dead-lettered."""
    try:
        claim = await replace_claim(uow, event.tenant_id, event.payload, catalog=catalog)
    except ReplacementRefused as exc:
        raise PermanentError(str(exc)) from exc
    if claim is None:
        raise PermanentError("the correction names no claim of this tenant")
    return claim


async def _adjudicated_original(uow, tenant_id: UUID, claim_id: UUID) -> tuple[Claim | None, int]:
    """The claim to correct, locked, and how many corrections it already has."""
    original = await uow.claims.get(tenant_id, claim_id, lock=True)
    if original is None:
        return None, 0
    if original.status not in REPLACEABLE:
        raise ReplacementRefused(f"a {original.status} claim cannot be corrected; fix it in the claim fix queue")
    if not original.payer_claim_number:
        raise ReplacementRefused("the payer's claim number is unknown; a corrected claim needs it for REF*F8")
    return original, await uow.claims.corrections_of(tenant_id, original.id)


async def replace_claim(uow, tenant_id: UUID, request: ClaimCorrectionRequested, *,
                        catalog: Catalog) -> NewClaim | None:
    """Bills the replacement; None when the tenant has no such claim."""
    original, earlier = await _adjudicated_original(uow, tenant_id, UUID(request.claim_id))
    if original is None:
        return None
    coded = replacement_claim(ClaimCoded.model_validate(original.coded), request, tenant_id=str(tenant_id),
                              sequence=earlier + 1, payer_claim_number=original.payer_claim_number)
    transition(uow, original, "corrected", "corrected",
                        {"replacement_claim_id": coded.claim_id, "reason": request.reason,
                         "denial_id": request.denial_id})
    return await create_claim(uow, coded, tenant_id, catalog=catalog)


async def void(uow, tenant_id: UUID, claim_id: UUID, *, reason: str, catalog: Catalog) -> NewClaim | None:
    """Bills a void (frequency 8) of an adjudicated claim: the payer reverses its payment (CLP02 = 22)."""
    original, earlier = await _adjudicated_original(uow, tenant_id, claim_id)
    if original is None:
        return None
    coded = void_claim(ClaimCoded.model_validate(original.coded), tenant_id=str(tenant_id), sequence=earlier + 1,
                       payer_claim_number=original.payer_claim_number)
    transition(uow, original, "voided", "voided", {"void_claim_id": coded.claim_id, "reason": reason})
    return await create_claim(uow, coded, tenant_id, catalog=catalog)
