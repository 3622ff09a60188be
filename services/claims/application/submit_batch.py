"""Ready claims -> 837P interchanges of at most `interchange_size` claims per tenant and payer, each validated
by pyx12, waiting to be sent.

The size is a trade: pyx12 costs a fixed part per file and a part per claim, and validation runs in the
submission transaction with the file's claims locked, so a large file holds its claims (and the event
loop's share of the GIL) longer; docs/BENCHMARKS.md has the measured costs that set the default. Every
file is validated whole before it is stored. A file the validator rejects is taken apart: each claim is
validated alone, the claims rejected on their own are held with the validator's messages, and the
others are written into a new file that is validated again (held all together if that one still fails).
Sending is the next step (send_interchange.py), in its own transaction, so that a crash between the two
resends the same file with the same ISA13.

Only claims whose coverage was verified (verify_eligibility.py, the step before batching in each
round) are batched.
"""
import asyncio
from collections import defaultdict
from uuid import UUID

from shared.contracts.tenant import BillingProvider
from shared.telemetry import start_span
from services.claims.adapters.claim_records import ClaimRecord
from services.claims.application.coded_claims import CodedClaims
from services.claims.application.references import missing_reference
from services.claims.application.steps import transition
from services.claims.adapters.catalog import Catalog
from services.claims.adapters.x12_validation import validate_x12
from services.claims.domain.x837 import write_837p

SENDING = "sending"
BATCHED = ("status", "interchange_id")  # what batching changes on a claim
DEFAULT_INTERCHANGE_SIZE = 50


def cut(claims: list[ClaimRecord], size: int) -> list[list[ClaimRecord]]:
    """One tenant and payer's claims in files of at most `size`, in the order they came."""
    return [claims[start:start + size] for start in range(0, len(claims), max(size, 1))]


async def batch_ready_claims(uow, *, catalog: Catalog, submitter_id: str, usage: str, limit: int,
                             interchange_size: int = DEFAULT_INTERCHANGE_SIZE) -> int:
    """Ready claims become validated interchanges waiting to be sent. Returns the claims batched."""
    claims = await uow.claims.ready_to_batch(limit)
    batched = await batch_claims(uow, claims, catalog=catalog, submitter_id=submitter_id, usage=usage,
                                 interchange_size=interchange_size)
    await uow.save_changes(claims, BATCHED)
    return batched


async def batch_claims(uow, claims: list[ClaimRecord], *, catalog: Catalog, submitter_id: str, usage: str,
                       interchange_size: int = DEFAULT_INTERCHANGE_SIZE, coded: CodedClaims | None = None) -> int:
    """These locked, verified ready claims, with their coded claims, batched in memory (the caller writes
    them back with `BATCHED`). Returns the claims batched."""
    coded = coded or CodedClaims()
    groups: dict[tuple[UUID, str], list[ClaimRecord]] = defaultdict(list)
    for claim in claims:
        groups[(claim.tenant_id, claim.payer_id)].append(claim)
    tenants, payers = await uow.payers.with_tenants(groups)
    files = [(key, chunk) for key, group in groups.items() for chunk in cut(group, interchange_size)]
    controls = await uow.interchanges.next_control_numbers(len(files))
    batched = 0
    for ((tenant_id, payer_id), chunk), control in zip(files, controls):
        tenant, payer = tenants.get(tenant_id), payers.get((tenant_id, payer_id))
        missing = missing_reference(tenant, payer, payer_id)
        for claim in chunk if missing else ():
            transition(uow, claim, "held", "held", {"edits": [missing.edit_id]})
        if not missing:
            writer = _Writer(uow, tenant, payer, catalog=catalog, submitter_id=submitter_id, usage=usage, coded=coded)
            batched += await writer.batch(chunk, control)
    return batched


class _Writer:
    """Writes and validates one tenant and payer's files."""

    def __init__(self, uow, tenant, payer, *, catalog: Catalog, submitter_id: str, usage: str, coded: CodedClaims):
        self._uow, self._tenant, self._payer, self._coded = uow, tenant, payer, coded
        self._catalog, self._submitter_id, self._usage = catalog, submitter_id, usage
        self._provider = BillingProvider.model_validate(tenant.billing_provider)

    def _x12(self, claims: list[ClaimRecord], control: int) -> str:
        tenant_id = str(self._tenant.tenant_id)
        domain_claims = [self._catalog.rebuild(c, tenant_id, self._provider, self._payer, coded=document)
                         for c, document in zip(claims, self._coded.of(claims))]
        return write_837p(domain_claims, sender_id=self._submitter_id, receiver_id=self._payer.x12_payer_id,
                          interchange_control_number=control, group_control_number=control,
                          created_at=self._uow.now(), usage=self._usage)

    async def _validated(self, claims: list[ClaimRecord], control: int) -> tuple[str, list[str]]:
        x12 = self._x12(claims, control)
        with start_span("837P validate", attributes={"x12.claims": len(claims), "x12.isa13": control}):
            return x12, await asyncio.to_thread(validate_x12, x12)

    async def batch(self, claims: list[ClaimRecord], control: int) -> int:
        """The claims' file stored to be sent, or what the validator refused held; returns the claims stored."""
        x12, errors = await self._validated(claims, control)
        if errors and len(claims) > 1:
            claims, x12, errors = await self._without_refused(claims, control, errors)
        if errors:
            self._hold(claims, errors)
            return 0
        if not claims:
            return 0
        self._uow.interchanges.add_file(id=control, tenant_id=self._tenant.tenant_id, payer_id=self._payer.payer_id,
                                        x12=x12, claim_count=len(claims), claim_ids=[claim.id for claim in claims],
                                        ack_status=SENDING)
        for claim in claims:
            claim.interchange_id = control
            transition(self._uow, claim, "submitting", "batched", {"interchange": control})
        return len(claims)

    async def _without_refused(self, claims: list[ClaimRecord], control: int,
                               errors: list[str]) -> tuple[list[ClaimRecord], str, list[str]]:
        """Each claim validated alone; those refused are held, the others written into the file again."""
        kept = []
        for claim in claims:
            _, own = await self._validated([claim], control)
            if own:
                self._hold([claim], own)
            else:
                kept.append(claim)
        if not kept:
            return [], "", []
        if len(kept) == len(claims):  # no claim is wrong alone: the file is refused as it was
            return claims, "", errors
        x12, errors = await self._validated(kept, control)  # the same ISA13: the first file was never stored
        return kept, x12, errors

    def _hold(self, claims: list[ClaimRecord], errors: list[str]) -> None:
        for claim in claims:
            transition(self._uow, claim, "held", "validation_failed", {"validator": errors[:20]})
