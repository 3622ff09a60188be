"""Ready claims -> one 837P interchange per tenant and payer, validated by pyx12, waiting to be sent.

A file with any validator error is not sent and its claims are held with the validator's messages.
Sending is the next step (send_interchange.py), in its own transaction, so that a crash between the
two resends the same file with the same ISA13.

Only claims whose coverage was verified (verify_eligibility.py, the step before batching in each
round) are batched.
"""
import asyncio
from collections import defaultdict
from uuid import UUID

from shared.contracts.tenant import BillingProvider
from shared.telemetry import start_span
from services.claims.adapters.claim_repository import ClaimRecord
from services.claims.adapters.tables import Interchange
from services.claims.application.steps import transition
from services.claims.catalog import Catalog
from services.claims.domain.x12_validation import validate_x12
from services.claims.domain.x837 import write_837p

SENDING = "sending"


async def batch_ready_claims(uow, *, catalog: Catalog, submitter_id: str, usage: str, limit: int) -> int:
    """Ready claims become validated interchanges waiting to be sent. Returns the claims batched."""
    claims = await uow.claims.ready_to_batch(limit)
    groups: dict[tuple[UUID, str], list[ClaimRecord]] = defaultdict(list)
    for claim in claims:
        groups[(claim.tenant_id, claim.payer_id)].append(claim)
    tenants = await uow.tenants.by_ids(tenant_id for tenant_id, _ in groups)
    payers = await uow.payers.by_keys(groups)
    batched = 0
    for (tenant_id, payer_id), group in groups.items():
        batched += await _batch_group(uow, tenants[tenant_id], payers[(tenant_id, payer_id)], group, catalog=catalog,
                                      submitter_id=submitter_id, usage=usage)
    await uow.claims.update_many(claims, ("status", "interchange_id"))
    return batched


async def _batch_group(uow, tenant, payer, claims: list[ClaimRecord], *, catalog, submitter_id, usage) -> int:
    provider = BillingProvider.model_validate(tenant.billing_provider)
    domain_claims = [catalog.rebuild(c, str(tenant.tenant_id), provider, payer) for c in claims]
    control = await uow.interchanges.next_control_number()
    x12 = write_837p(domain_claims, sender_id=submitter_id, receiver_id=payer.x12_payer_id,
                     interchange_control_number=control, group_control_number=control,
                     created_at=uow.now(), usage=usage)
    with start_span("837P validate", attributes={"x12.claims": len(claims), "x12.isa13": control}):
        errors = await asyncio.to_thread(validate_x12, x12)
    if errors:
        for claim in claims:
            transition(uow, claim, "held", "validation_failed", {"validator": errors[:20]})
        return 0
    uow.interchanges.add(Interchange(id=control, tenant_id=tenant.tenant_id, payer_id=payer.payer_id, x12=x12,
                                     claim_count=len(claims), ack_status=SENDING))
    for claim in claims:
        claim.interchange_id = control
        transition(uow, claim, "submitting", "batched", {"interchange": control})
    return len(claims)
