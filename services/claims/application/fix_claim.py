"""The claim fix queue: a biller's correction to a held or rejected claim, merged and scrubbed again."""
from uuid import UUID

from shared.contracts.claim import ClaimCoded
from shared.contracts.tenant import BillingProvider
from services.claims.adapters.tables import Claim
from services.claims.application.build_claims import (UNKNOWN_TENANT, billed_elsewhere, line_rows, price_and_scrub,
                                                      service_day, settle)
from services.claims.application.payer_place import same_place
from services.claims.application.steps import record, transition
from services.claims.adapters.catalog import Catalog
from services.claims.domain.scrub import unknown_payer_edit

SECTIONS = ("coverage", "patient", "rendering_provider", "referring_provider")
FIELDS = ("diagnoses", "procedures", "prior_authorization", "place_of_service")


class FixRefused(Exception):
    """Only held or rejected claims can be fixed. PHI-free message."""


def merge_fix(coded: dict, changes: dict) -> ClaimCoded:
    """The coded claim with the biller's changes: sections merged field by field, lists replaced whole."""
    merged = dict(coded)
    for section in SECTIONS:
        if section in changes:
            merged[section] = {**(merged.get(section) or {}), **changes[section]}
    for field in FIELDS:
        if field in changes:
            merged[field] = changes[field]
    return ClaimCoded.model_validate(merged)


async def fix_claim(uow, *, tenant_id: UUID, claim_id: UUID, changes: dict, actor: str,
                    catalog: Catalog) -> Claim | None:
    claim = await uow.claims.get(tenant_id, claim_id, lock=True)
    if claim is None:
        return None
    if claim.status not in ("held", "rejected"):
        raise FixRefused(f"a {claim.status} claim cannot be fixed; correct it with a replacement claim")
    coded = merge_fix(claim.coded, changes)
    claim.coded = coded.model_dump(mode="json")
    claim.payer_id = coded.coverage.payer_id
    claim.eligibility, claim.eligibility_requested_at = None, None  # coverage is verified again before sending
    record(uow, claim, "fixed", {"by": actor, "fields": sorted(changes)})
    if claim.status == "rejected":
        transition(uow, claim, "held", "reopened", {})
    await rescrub(uow, claim, coded, catalog=catalog)
    return claim


async def rescrub(uow, claim: Claim, coded: ClaimCoded, *, catalog: Catalog) -> None:
    """The claim priced and scrubbed again from its coded claim: ready, or held with today's findings."""
    tenant_id = claim.tenant_id
    tenant = await uow.tenants.get(tenant_id)
    payer = await uow.payers.get(tenant_id, coded.coverage.payer_id)
    if tenant is None or payer is None:
        edit = UNKNOWN_TENANT if tenant is None else unknown_payer_edit(coded.coverage.payer_id)
        claim.edits = [edit.model_dump(mode="json")]
        record(uow, claim, "held", {"edits": [edit.edit_id]})
        return
    day, payer_key = service_day(tenant_id, coded), (tenant_id, payer.payer_id)
    billed, history = await uow.billed_with_history([day], [payer_key])
    place = await same_place(uow, claim)
    excluded = {claim.id} | ({claim.original_claim_id} if claim.original_claim_id else set())
    excluded |= place.earlier_claim_ids if place else set()
    domain_claim, edits = price_and_scrub(
        coded, tenant_id=tenant_id, billing_provider=BillingProvider.model_validate(tenant.billing_provider),
        payer=payer, catalog=catalog, today=uow.today(), history=history.get(payer_key, []),
        billed=billed_elsewhere(billed.get(day, []), excluded), next_payer=place)
    claim.total_charge = domain_claim.total_charge
    await uow.claims.replace_lines(claim.id, line_rows(claim.id, tenant_id, coded, domain_claim))
    claim.edits = [e.model_dump(mode="json") for e in edits]
    settle(uow, claim, edits)
