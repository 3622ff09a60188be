"""Correct and resubmit: a denial worked in the denials service comes back as claim.correction_requested,
and claims bills the replacement claim, which the submission loop sends like any other. The consumer bills a
batch of corrections at once; the API's routes take one claim each."""
from uuid import UUID

from shared.contracts.claim import ClaimCoded, ClaimCorrectionRequested
from shared.kafka.errors import PermanentError
from services.claims.adapters.tables import Claim
from services.claims.application.build_claims import ClaimBatch, NewClaim, create_claim
from services.claims.application.payer_place import same_place, same_places
from services.claims.application.steps import transition
from services.claims.adapters.catalog import Catalog
from services.claims.domain.replacement import REPLACEABLE, replacement_claim, void_claim


class ReplacementRefused(Exception):
    """The claim cannot be replaced (state, or no payer claim number). PHI-free message."""


async def bill_replacements(uow, batch, *, catalog: Catalog) -> list[NewClaim]:
    """From the denials service, a batch at a time: the originals read (locked) and their earlier corrections
    counted in one query each, the replacements built and written as one batch. A correction that can never
    succeed fails the batch with a PermanentError; the consumer then replays the batch event by event, so
    only that one is dead-lettered."""
    keys = [(e.tenant_id, UUID(e.payload.claim_id)) for e in batch.envelopes]
    originals = await uow.claims.by_ids(keys)
    earlier = await uow.claims.corrections_counts(keys)
    places = await same_places(uow, originals.values())
    replacements = []
    for event in batch.traced():
        original = originals.get((event.tenant_id, UUID(event.payload.claim_id)))
        if original is None:
            raise PermanentError("the correction names no claim of this tenant")
        refusal = _refusal(original)
        if refusal:
            raise PermanentError(refusal)
        earlier[original.id] = earlier.get(original.id, 0) + 1
        replacements.append((event.tenant_id, _replace(uow, original, event.tenant_id, event.payload,
                                                       earlier[original.id]), places.get(original.id)))
    await uow.claims.update_many(originals.values(), ("status",))
    claims = await ClaimBatch.load(uow, [(tenant_id, coded) for tenant_id, coded, _ in replacements], catalog=catalog)
    built = [claims.build(uow, tenant_id, coded, place) for tenant_id, coded, place in replacements]
    await claims.save(uow)
    return built


def _refusal(original) -> str | None:
    """Why this claim cannot be corrected, or None. PHI-free."""
    if original.status not in REPLACEABLE:
        return f"a {original.status} claim cannot be corrected; fix it in the claim fix queue"
    if not original.payer_claim_number:
        return "the payer's claim number is unknown; a corrected claim needs it for REF*F8"
    return None


def _replace(uow, original, tenant_id: UUID, request: ClaimCorrectionRequested, sequence: int) -> ClaimCoded:
    """The replacement's coded claim; the original marked corrected."""
    coded = replacement_claim(ClaimCoded.model_validate(original.coded), request, tenant_id=str(tenant_id),
                              sequence=sequence, payer_claim_number=original.payer_claim_number)
    transition(uow, original, "corrected", "corrected",
               {"replacement_claim_id": coded.claim_id, "reason": request.reason, "denial_id": request.denial_id})
    return coded


async def _adjudicated_original(uow, tenant_id: UUID, claim_id: UUID) -> tuple[Claim | None, int]:
    """The claim to correct, locked, and how many corrections it already has."""
    original = await uow.claims.get(tenant_id, claim_id, lock=True)
    if original is None:
        return None, 0
    refusal = _refusal(original)
    if refusal:
        raise ReplacementRefused(refusal)
    return original, await uow.claims.corrections_of(tenant_id, original.id)


async def replace_claim(uow, tenant_id: UUID, request: ClaimCorrectionRequested, *,
                        catalog: Catalog) -> NewClaim | None:
    """Bills the replacement; None when the tenant has no such claim."""
    original, earlier = await _adjudicated_original(uow, tenant_id, UUID(request.claim_id))
    if original is None:
        return None
    coded = _replace(uow, original, tenant_id, request, earlier + 1)
    return await create_claim(uow, coded, tenant_id, catalog=catalog,
                              next_payer=await same_place(uow, original))


async def void(uow, tenant_id: UUID, claim_id: UUID, *, reason: str, catalog: Catalog) -> NewClaim | None:
    """Bills a void (frequency 8) of an adjudicated claim: the payer reverses its payment (CLP02 = 22)."""
    original, earlier = await _adjudicated_original(uow, tenant_id, claim_id)
    if original is None:
        return None
    coded = void_claim(ClaimCoded.model_validate(original.coded), tenant_id=str(tenant_id), sequence=earlier + 1,
                       payer_claim_number=original.payer_claim_number)
    transition(uow, original, "voided", "voided", {"void_claim_id": coded.claim_id, "reason": reason})
    return await create_claim(uow, coded, tenant_id, catalog=catalog,
                              next_payer=await same_place(uow, original))
