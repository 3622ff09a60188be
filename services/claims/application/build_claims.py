"""claim.coded -> claims built, priced, scrubbed, then held or ready: a whole batch in a few statements.

The tenants and payers of the batch, its already billed services, its denial history and the ids stored already
are read with one statement; each claim is then priced and scrubbed in memory; claims, lines and timeline go in with one
statement. A claim built earlier in the batch counts for the duplicate rule of the later
ones, as it would had they arrived one by one.
"""
from dataclasses import dataclass, replace
from datetime import date
from uuid import UUID

from shared import denial_patterns
from shared.contracts.claim import ClaimCoded
from shared.contracts.common import EditResult
from shared.contracts.tenant import BillingProvider
from shared.kafka.errors import PermanentError
from shared.telemetry import current_traceparent
from services.claims.adapters.claim_records import ServiceDayKey
from services.claims.adapters.prior_payer_json import prior_payers_json
from services.claims.application.steps import transition
from services.claims.adapters.catalog import Catalog
from services.claims.domain.model import Claim as DomainClaim
from services.claims.domain.model import Payer, PriorPayer
from services.claims.domain.scrub import scrub_claim, unknown_payer_edit

UNKNOWN_TENANT = EditResult(edit_id="SCRUB-TENANT-UNKNOWN", severity="error",
                            message="the tenant has no billing provider registered")


@dataclass(slots=True)
class NewClaim:
    """A claim as this step created it: what the timeline and the callers read."""

    id: UUID
    tenant_id: UUID
    status: str
    frequency_code: str
    edits: list[dict]


@dataclass(frozen=True, slots=True)
class NextPayer:
    """What a claim billed to a later payer carries beyond its coded claim: its place, the claim before it
    (and every earlier claim of the encounter, which bill the same services on purpose) and their payers'
    adjudications."""

    prior_claim_id: UUID
    earlier_claim_ids: frozenset[UUID]
    payer_sequence: str
    prior_payers: tuple[PriorPayer, ...]


def service_day(tenant_id: UUID, coded: ClaimCoded) -> ServiceDayKey:
    return tenant_id, coded.patient.id, coded.date_of_service


def _corrects_another(coded: ClaimCoded) -> bool:
    return coded.frequency_code in ("7", "8") and bool(coded.original_claim_id)


def billed_elsewhere(billed: list[tuple[UUID, tuple]], excluded: set[UUID]) -> set[tuple]:
    """The service keys of other live claims: the claim itself and the claim it corrects do not count."""
    return {key for claim_id, key in billed if claim_id not in excluded}


def price_and_scrub(coded: ClaimCoded, *, tenant_id: UUID, billing_provider: BillingProvider, payer: Payer,
                    catalog: Catalog, today: date, billed: set[tuple], history,
                    next_payer: NextPayer | None = None) -> tuple[DomainClaim, list[EditResult]]:
    """Pure: the priced claim and every scrubber finding, the denial-pattern warnings last."""
    domain_claim = catalog.build_for(coded, str(tenant_id), billing_provider, payer)
    if next_payer is not None:
        domain_claim = replace(domain_claim, payer_sequence=next_payer.payer_sequence,
                               prior_payers=next_payer.prior_payers)
    edits = scrub_claim(domain_claim, today=today, existing_keys=billed)
    edits += denial_patterns.pattern_warnings(
        payer_id=payer.payer_id, payer_name=payer.name, procedure_codes=[l.procedure_code for l in domain_claim.lines],
        history=history, today=today, edit_id="SCRUB-DENIAL-PATTERN")
    return domain_claim, edits


def line_rows(claim_id: UUID, tenant_id: UUID, coded: ClaimCoded, domain_claim: DomainClaim) -> list[dict]:
    return [{"claim_id": claim_id, "line_number": line.line_number, "tenant_id": tenant_id,
             "patient_id": coded.patient.id, "rendering_npi": coded.rendering_provider.npi,
             "date_of_service": line.date_of_service, "procedure_code": line.procedure_code,
             "modifiers": list(line.modifiers), "units": line.units, "charge": line.charge}
            for line in domain_claim.lines]


def settle(uow, claim, edits: list[EditResult]) -> None:
    """Errors hold the claim with their edit ids; warnings alone let it through to ready."""
    errors = [e.edit_id for e in edits if e.severity == "error"]
    if errors:
        transition(uow, claim, "held", "held", {"edits": errors})
    else:
        transition(uow, claim, "ready", "scrubbed", {"warnings": [e.edit_id for e in edits]})


def _linked(next_payer: NextPayer | None) -> dict:
    if next_payer is None:
        return {}
    return {"prior_claim_id": str(next_payer.prior_claim_id), "payer_sequence": next_payer.payer_sequence}


class ClaimBatch:
    """The reference data of a set of coded claims, read once, and the rows they will write."""

    def __init__(self, *, catalog: Catalog, today: date, tenants: dict, payers: dict, billed: dict, history: dict,
                 existing: set[UUID], encounter_claims: dict | None = None, claim_ids: dict[str, UUID] | None = None):
        self._catalog, self._today = catalog, today
        self._tenants, self._payers, self._billed, self._history = tenants, payers, billed, history
        self._existing = existing
        self._claim_ids = claim_ids or {}  # each coded claim's id as the reads asked it: parsed once, not again
        self._encounter_claims = encounter_claims or {}  # (tenant, encounter) -> [(claim id, place)], corrections
        self._providers: dict[UUID, BillingProvider] = {}
        self._claims: list[dict] = []
        self._lines: list[dict] = []

    @classmethod
    async def load(cls, uow, items: list[tuple[UUID, ClaimCoded]], *, catalog: Catalog) -> "ClaimBatch":
        claim_ids = {coded.claim_id: UUID(coded.claim_id) for _, coded in items}
        read = await uow.coded_batch_reads([(tenant_id, coded.coverage.payer_id) for tenant_id, coded in items],
                                           [service_day(t, coded) for t, coded in items], claim_ids.values())
        return cls(catalog=catalog, today=uow.today(), tenants=read.tenants, payers=read.payers, billed=read.billed,
                   history=read.history, existing=read.existing, claim_ids=claim_ids,
                   encounter_claims=await uow.claims.encounter_places(
                       (t, UUID(coded.encounter_id)) for t, coded in items if _corrects_another(coded)))

    def build(self, uow, tenant_id: UUID, coded: ClaimCoded, next_payer: NextPayer | None = None) -> NewClaim:
        """One claim, in memory: built, then held or ready. A claim id already stored is refused (DLQ)."""
        claim_id = self._claim_ids.get(coded.claim_id) or UUID(coded.claim_id)
        if claim_id in self._existing:
            raise PermanentError("a claim with this claim id exists already")
        self._existing.add(claim_id)
        claim = NewClaim(claim_id, tenant_id, "built", coded.frequency_code, [])
        uow.timeline.add(claim, "built", {"encounter_id": coded.encounter_id, **_linked(next_payer)})
        tenant, payer = self._tenants.get(tenant_id), self._payers.get((tenant_id, coded.coverage.payer_id))
        total, lines = 0, []
        if tenant is None or payer is None:
            edits = [unknown_payer_edit(coded.coverage.payer_id) if tenant else UNKNOWN_TENANT]
        else:
            domain_claim, edits = self._price_and_scrub(tenant, payer, coded, claim_id, next_payer)
            total, lines = domain_claim.total_charge, line_rows(claim_id, tenant_id, coded, domain_claim)
        claim.edits = [e.model_dump(mode="json") for e in edits]
        settle(uow, claim, edits)
        if claim.status != "held" and lines:
            billed = self._billed.setdefault(service_day(tenant_id, coded), [])
            billed += [(claim_id, (l["patient_id"], l["date_of_service"], l["procedure_code"], l["rendering_npi"]))
                       for l in lines]
        self._lines += lines
        self._claims.append(self._claim_row(claim, coded, total, next_payer))
        return claim

    def _price_and_scrub(self, tenant, payer: Payer, coded: ClaimCoded, claim_id: UUID, next_payer: NextPayer | None):
        if tenant.tenant_id not in self._providers:
            self._providers[tenant.tenant_id] = BillingProvider.model_validate(tenant.billing_provider)
        excluded = {claim_id} | ({UUID(coded.original_claim_id)} if coded.original_claim_id else set())
        excluded |= next_payer.earlier_claim_ids if next_payer else self._later_payers(tenant.tenant_id, coded)
        billed = billed_elsewhere(self._billed.get(service_day(tenant.tenant_id, coded), []), excluded)
        return price_and_scrub(coded, tenant_id=tenant.tenant_id, billing_provider=self._providers[tenant.tenant_id],
                               payer=payer, catalog=self._catalog, today=self._today, billed=billed,
                               history=self._history.get((tenant.tenant_id, payer.payer_id), []),
                               next_payer=next_payer)

    def _later_payers(self, tenant_id: UUID, coded: ClaimCoded) -> set[UUID]:
        """A primary's replacement or void bills the services its encounter's later payers' claims bill too:
        those are not duplicates of it (they must be corrected after it, which payments asks for)."""
        if not _corrects_another(coded):
            return set()
        return {claim_id for claim_id, place in self._encounter_claims.get((tenant_id, UUID(coded.encounter_id)), [])
                if place != "P"}

    @staticmethod
    def _claim_row(claim: NewClaim, coded: ClaimCoded, total, next_payer: NextPayer | None) -> dict:
        return {"id": claim.id, "tenant_id": claim.tenant_id, "encounter_id": UUID(coded.encounter_id),
                "patient_control_number": coded.patient_control_number, "status": claim.status,
                "payer_id": coded.coverage.payer_id, "frequency_code": coded.frequency_code,
                "original_claim_id": UUID(coded.original_claim_id) if coded.original_claim_id else None,
                "total_charge": total, "coded": coded, "edits": claim.edits,
                "trace_context": current_traceparent(), "payers_after": len(coded.other_coverages),
                "payer_sequence": next_payer.payer_sequence if next_payer else "P",
                "prior_claim_id": next_payer.prior_claim_id if next_payer else None,
                "prior_payers": prior_payers_json(next_payer.prior_payers) if next_payer else None}

    async def save(self, uow) -> None:
        """Claims, their lines and the timeline's steps so far, written together."""
        await uow.save_new_claims(self._claims, self._lines)
        self._claims, self._lines = [], []


async def build_claims(uow, batch, *, catalog: Catalog) -> None:
    """The consumer's batch of claim.coded: read in bulk, build each inside its event's trace, write in bulk."""
    claims = await ClaimBatch.load(uow, [(e.tenant_id, e.payload) for e in batch.envelopes], catalog=catalog)
    for envelope in batch.traced():
        claims.build(uow, envelope.tenant_id, envelope.payload)
    await claims.save(uow)


async def create_claim(uow, coded: ClaimCoded, tenant_id: UUID, *, catalog: Catalog,
                       next_payer: NextPayer | None = None) -> NewClaim:
    """One claim (a replacement or a void billed from the API or a correction request)."""
    claims = await ClaimBatch.load(uow, [(tenant_id, coded)], catalog=catalog)
    claim = claims.build(uow, tenant_id, coded, next_payer)
    await claims.save(uow)
    return claim
