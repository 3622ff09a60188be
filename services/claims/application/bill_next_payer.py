"""After a payer's 835: the next coverage billed with that payer's adjudication, or the crossover noted.

apply_remits asks `follow_up_answer` for each remit it applied and hands the claims to bill to
`bill_next_payers`, which reads what it needs for the whole batch at once and builds the new claims
like any coded claim (scrubbed, then ready for the normal eligibility check and submission). The next
payer's claim id is named by the earlier claim's number and the payer's place, so the same 835 (or
another answer for the same claim) never bills the next payer twice.
"""
from dataclasses import dataclass
from uuid import UUID

from shared.contracts.claim import ClaimCoded
from shared.contracts.identifiers import claim_id_for
from shared.contracts.remit import RemitReceived
from shared.contracts.tenant import BillingProvider
from services.claims.adapters.claim_records import ClaimRecord
from services.claims.application.build_claims import ClaimBatch, NewClaim, NextPayer
from services.claims.application.steps import record
from services.claims.adapters.catalog import Catalog
from services.claims.domain.next_payer import (SEQUENCE, NextStep, answered_as, coverage_count, next_payer_claim,
                                               next_payer_coded, next_payer_pcn, next_step)


@dataclass(slots=True)
class Answered:
    """A claim whose payer's answer leaves a share for the next coverage."""

    claim: ClaimRecord
    remit: RemitReceived


def follow_up_answer(uow, claim: ClaimRecord, remit: RemitReceived) -> Answered | None:
    """What follows this answer: the crossover is noted on the timeline; a claim to bill next is returned.
    Only the payer the claim was billed to bills the next one; a crossover payer answering on the claim
    (CLP02 2 on a primary's claim) was the next payer already."""
    answered = answered_as(remit.status_code, claim.payer_sequence)
    step = next_step(remit, sequence=answered,
                     coverage_count=coverage_count(claim.payer_sequence, claim.payers_after))
    if step is NextStep.CROSSED_OVER:
        record(uow, claim, "crossed_over", {"remit_id": remit.remit_id, "status_code": remit.status_code,
                                            "remark_codes": list(remit.remark_codes[:10])})
    elif step is NextStep.BILL_NEXT_PAYER and answered == claim.payer_sequence:
        return Answered(claim, remit)
    return None


@dataclass(slots=True)
class _Planned:
    tenant_id: UUID
    coded: ClaimCoded
    next_payer: NextPayer


async def bill_next_payers(uow, answered: list[Answered], *, catalog: Catalog) -> list[NewClaim]:
    """The next payers' claims of a batch: one read for the coded claims, one for the tenants, payers and ids stored."""
    if not answered:
        return []
    stored = await uow.claims.coded_of(a.claim.id for a in answered)
    for item in answered:
        item.claim.coded, item.claim.prior_payers = stored[item.claim.id]
    codeds = {a.claim.id: ClaimCoded.model_validate(a.claim.coded) for a in answered}
    answered = [a for a in answered if codeds[a.claim.id].other_coverages]
    ids = {a.claim.id: claim_id_for(a.claim.tenant_id, _next_pcn(a.claim)) for a in answered}
    tenants, payers, existing = await uow.next_payer_reads((key for a in answered for key in (
        (a.claim.tenant_id, a.claim.payer_id), (a.claim.tenant_id, codeds[a.claim.id].other_coverages[0].payer_id))),
        ids.values())
    planned: list[_Planned] = []
    for item in answered:
        claim, new_id = item.claim, ids[item.claim.id]
        if new_id in existing:
            continue
        missing = _missing_reference(claim, tenants, payers)
        if missing:
            record(uow, claim, "next_payer_not_billed", {"reason": missing, "remit_id": item.remit.remit_id,
                                                         "payer_sequence": _next_sequence(claim)})
            continue
        existing.add(new_id)
        planned.append(_plan(uow, item, codeds[claim.id], new_id, tenants[claim.tenant_id], payers, catalog))
    if not planned:
        return []
    batch = await ClaimBatch.load(uow, [(p.tenant_id, p.coded) for p in planned], catalog=catalog)
    built = [batch.build(uow, p.tenant_id, p.coded, p.next_payer) for p in planned]
    await batch.save(uow)
    return built


def _next_sequence(claim: ClaimRecord) -> str:
    return SEQUENCE[SEQUENCE.index(claim.payer_sequence) + 1]


def _next_pcn(claim: ClaimRecord) -> str:
    return next_payer_pcn(claim.patient_control_number, _next_sequence(claim))


def _missing_reference(claim: ClaimRecord, tenants: dict, payers: dict) -> str | None:
    """Why the next claim cannot be built, so that the patient's share held for it is worked, not forgotten."""
    if claim.tenant_id not in tenants:
        return "the tenant has no billing provider registered"
    if (claim.tenant_id, claim.payer_id) not in payers:
        return "the payer that answered is no longer registered for the tenant"
    return None


def _plan(uow, item: Answered, coded: ClaimCoded, new_id: UUID, tenant, payers: dict, catalog: Catalog) -> _Planned:
    """The next payer's claim in memory, and the link on the earlier claim's timeline."""
    claim, coverage = item.claim, coded.other_coverages[0]
    provider = BillingProvider.model_validate(tenant.billing_provider)
    earlier_payer = payers[(claim.tenant_id, claim.payer_id)]
    earlier = catalog.rebuild(claim, str(claim.tenant_id), provider, earlier_payer)
    # A next payer the tenant does not have yet still gets its claim: the scrubber holds it with the reason,
    # and the earlier payer stands in only for the claim's own payer, which is not stored.
    payer = payers.get((claim.tenant_id, coverage.payer_id), earlier_payer)
    following = next_payer_claim(earlier, item.remit, coverage=coverage, payer=payer, claim_id=str(new_id),
                                 patient_control_number=_next_pcn(claim), adjudicated_on=uow.today())
    record(uow, claim, "next_payer_billed", {"claim_id": str(new_id), "payer_sequence": following.payer_sequence,
                                             "payer_id": coverage.payer_id, "remit_id": item.remit.remit_id})
    earlier_ids = frozenset(i for i in (claim.id, claim.prior_claim_id) if i is not None)
    return _Planned(claim.tenant_id, next_payer_coded(coded, following),
                    NextPayer(claim.id, earlier_ids, following.payer_sequence, following.prior_payers))
