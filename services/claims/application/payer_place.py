"""A later payer's claim keeps its place whatever happens to it after it was built: fixed in the fix queue,
replaced (frequency 7) or voided (frequency 8), it goes to that payer as SBR01 S or T with the earlier
payers' adjudications, and the earlier payers' claims of the encounter, which bill the same services on
purpose, are not duplicates of it."""
from uuid import UUID

from services.claims.adapters.prior_payer_json import prior_payers_from_json
from services.claims.application.build_claims import NextPayer
from services.claims.domain.next_payer import SEQUENCE


async def same_places(uow, claims) -> dict[UUID, NextPayer]:
    """The place of each later payer's claim among these, with one read for the batch; primaries are absent."""
    later = [c for c in claims if c.payer_sequence != "P" and c.prior_claim_id is not None]
    places = await uow.claims.encounter_places((c.tenant_id, c.encounter_id) for c in later)
    return {c.id: NextPayer(c.prior_claim_id, _earlier(c, places.get((c.tenant_id, c.encounter_id), [])),
                            c.payer_sequence, prior_payers_from_json(c.prior_payers)) for c in later}


async def same_place(uow, claim) -> NextPayer | None:
    """One claim's place (a correction or a fix from the API); None for a primary's claim."""
    return (await same_places(uow, [claim])).get(claim.id)


def _earlier(claim, encounter_claims: list[tuple[UUID, str]]) -> frozenset[UUID]:
    place = SEQUENCE.index(claim.payer_sequence)
    return frozenset(i for i, sequence in encounter_claims if SEQUENCE.index(sequence) < place) | {
        claim.prior_claim_id, claim.id}
