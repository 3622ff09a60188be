"""Claims use cases: register tenants, build and scrub claims, record acknowledgments and remits."""
from datetime import date, datetime, timezone
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert

from shared import carcs, denial_patterns
from shared.contracts.claim import ClaimAcknowledged, ClaimCoded
from shared.contracts.common import EditResult
from shared.contracts.denial import DenialOpened
from shared.contracts.envelope import Envelope
from shared.contracts.remit import RemitReceived
from shared.contracts.tenant import TenantRegistered
from shared.db.unit_of_work import UnitOfWork
from shared.telemetry import annotate, current_traceparent, link_to_trace
from services.claims.adapters.tables import BillingTenant, Claim, ClaimEvent, ClaimLine, DenialPattern, TenantPayer
from services.claims.catalog import Catalog
from services.claims.domain import states
from services.claims.domain.scrub import scrub_claim, unknown_payer_edit
from services.claims.mapping import payer_from_row


async def register_tenant(uow: UnitOfWork, event: Envelope[TenantRegistered], *, catalog: Catalog) -> None:
    tenant = event.payload
    values = {"tenant_id": UUID(tenant.tenant_id), "name": tenant.name,
              "billing_provider": tenant.billing_provider.model_dump(mode="json")}
    await uow.session.execute(insert(BillingTenant).values(values).on_conflict_do_update(
        index_elements=["tenant_id"], set_={"name": tenant.name, "billing_provider": values["billing_provider"]}))
    rows = [{"tenant_id": UUID(tenant.tenant_id), **payer} for payer in catalog.default_payer_rows()]
    await uow.session.execute(insert(TenantPayer).values(rows).on_conflict_do_nothing())


def record(uow: UnitOfWork, claim: Claim, event: str, detail: dict | None = None) -> None:
    uow.session.add(ClaimEvent(tenant_id=claim.tenant_id, claim_id=claim.id, event=event, status=claim.status,
                               detail=detail or {}))


def transition(uow: UnitOfWork, claim: Claim, target: str, event: str, detail: dict | None = None) -> states.Step:
    """Asks the state machine; a step it refuses keeps the state and is recorded as ignored."""
    step = states.decide(claim.status, target)
    claim.status = step.status
    annotate(**{"billing.claim_id": str(claim.id), "billing.claim_status": step.status,
                "billing.edits": list((detail or {}).get("edits", []))})
    if step.ignored:
        detail = {**(detail or {}), "ignored": True, "proposed_status": step.proposed}
    record(uow, claim, event, detail)
    return step


async def build_coded_claim(uow: UnitOfWork, event: Envelope[ClaimCoded], *, catalog: Catalog, today: date) -> Claim:
    return await create_claim(uow, event.payload, event.tenant_id, catalog=catalog, today=today)


async def create_claim(uow: UnitOfWork, coded: ClaimCoded, tenant_id: UUID, *, catalog: Catalog, today: date) -> Claim:
    tenant = await uow.session.get(BillingTenant, tenant_id)
    payer_row = await uow.session.get(TenantPayer, (tenant_id, coded.coverage.payer_id))
    claim = Claim(
        id=UUID(coded.claim_id), tenant_id=tenant_id, encounter_id=UUID(coded.encounter_id),
        patient_control_number=coded.patient_control_number, status="built", payer_id=coded.coverage.payer_id,
        frequency_code=coded.frequency_code,
        original_claim_id=UUID(coded.original_claim_id) if coded.original_claim_id else None,
        total_charge=0, coded=coded.model_dump(mode="json"), edits=[], trace_context=current_traceparent(),
    )
    uow.session.add(claim)
    record(uow, claim, "built", {"encounter_id": coded.encounter_id})
    if tenant is None or payer_row is None:
        edit = unknown_payer_edit(coded.coverage.payer_id) if tenant else EditResult(
            edit_id="SCRUB-TENANT-UNKNOWN", severity="error", message="the tenant has no billing provider registered")
        claim.edits = [edit.model_dump(mode="json")]
        transition(uow, claim, "held", "held", {"edits": [edit.edit_id]})
        return claim
    await _price_and_scrub(uow, claim, coded, tenant, payer_row, catalog=catalog, today=today)
    return claim


async def _price_and_scrub(uow, claim: Claim, coded: ClaimCoded, tenant: BillingTenant, payer_row: TenantPayer, *,
                           catalog: Catalog, today: date) -> None:
    domain_claim = catalog.build(coded, tenant, payer_from_row(payer_row))
    claim.total_charge = domain_claim.total_charge
    existing = await _existing_service_keys(uow, claim, coded)
    edits = scrub_claim(domain_claim, today=today, existing_keys=existing)
    edits += await _denial_warnings(uow, claim.tenant_id, domain_claim, today)
    await _replace_lines(uow, claim, domain_claim, coded)
    claim.edits = [e.model_dump(mode="json") for e in edits]
    if any(e.severity == "error" for e in edits):
        transition(uow, claim, "held", "held", {"edits": [e.edit_id for e in edits if e.severity == "error"]})
    else:
        transition(uow, claim, "ready", "scrubbed", {"warnings": [e.edit_id for e in edits]})


async def _denial_warnings(uow, tenant_id: UUID, domain_claim, today: date) -> list[EditResult]:
    codes = [line.procedure_code for line in domain_claim.lines]
    rows = await uow.session.execute(denial_patterns.history_query(
        DenialPattern, tenant_id=tenant_id, payer_id=domain_claim.payer.payer_id, procedure_codes=codes))
    return denial_patterns.pattern_warnings(
        payer_id=domain_claim.payer.payer_id, payer_name=domain_claim.payer.name, procedure_codes=codes,
        history=denial_patterns.history_of(rows.scalars()), today=today, edit_id="SCRUB-DENIAL-PATTERN")


async def learn_denial(uow: UnitOfWork, event: Envelope[DenialOpened], *, today: date) -> None:
    """Counts the denial per payer, procedure and category: the scrubber's pattern warnings."""
    for statement in denial_patterns.learn(DenialPattern, tenant_id=event.tenant_id, denial=event.payload, today=today):
        await uow.session.execute(statement)


async def _existing_service_keys(uow, claim: Claim, coded: ClaimCoded) -> set[tuple]:
    """Service lines already billed for this patient and date on other live claims (duplicate rule)."""
    excluded = [claim.id] + ([claim.original_claim_id] if claim.original_claim_id else [])
    rows = await uow.session.execute(
        select(ClaimLine.patient_id, ClaimLine.date_of_service, ClaimLine.procedure_code, ClaimLine.rendering_npi)
        .join(Claim, Claim.id == ClaimLine.claim_id)
        .where(ClaimLine.tenant_id == claim.tenant_id, ClaimLine.patient_id == coded.patient.id,
               ClaimLine.date_of_service == coded.date_of_service, ClaimLine.claim_id.not_in(excluded),
               Claim.status.not_in(["voided", "held"]))
    )
    return {tuple(row) for row in rows}


async def _replace_lines(uow, claim: Claim, domain_claim, coded: ClaimCoded) -> None:
    await uow.session.execute(ClaimLine.__table__.delete().where(ClaimLine.claim_id == claim.id))
    for line in domain_claim.lines:
        uow.session.add(ClaimLine(
            claim_id=claim.id, line_number=line.line_number, tenant_id=claim.tenant_id, patient_id=coded.patient.id,
            rendering_npi=coded.rendering_provider.npi, date_of_service=line.date_of_service,
            procedure_code=line.procedure_code, modifiers=list(line.modifiers), units=line.units, charge=line.charge))


async def find_claim(uow: UnitOfWork, *, tenant_id: UUID, claim_id: UUID) -> Claim | None:
    claim = await uow.session.get(Claim, claim_id)
    return claim if claim is not None and claim.tenant_id == tenant_id else None


async def find_by_pcn(uow: UnitOfWork, *, tenant_id: UUID, pcn: str, lock: bool = False) -> Claim | None:
    query = select(Claim).where(Claim.tenant_id == tenant_id, Claim.patient_control_number == pcn)
    if lock:
        query = query.with_for_update()
    return (await uow.session.execute(query)).scalar_one_or_none()


async def timeline(uow: UnitOfWork, claim: Claim) -> list[ClaimEvent]:
    rows = await uow.session.execute(select(ClaimEvent).where(ClaimEvent.claim_id == claim.id).order_by(ClaimEvent.id))
    return list(rows.scalars())


async def apply_remit(uow: UnitOfWork, event: Envelope[RemitReceived]) -> None:
    remit = event.payload
    claim = await find_by_pcn(uow, tenant_id=event.tenant_id, pcn=remit.patient_control_number, lock=True)
    if claim is None:
        return  # payments keeps unmatched remits in its suspense queue; nothing to change here
    link_to_trace(claim.trace_context)
    denied_lines = any(line.charge > 0 and any(carcs.is_denial(a.group_code, a.reason_code, line.paid)
                                               for a in line.adjustments) for line in remit.service_lines)
    target = states.status_from_remit(remit.status_code, has_denied_lines=denied_lines)
    if remit.payer_claim_control_number:
        claim.payer_claim_number = remit.payer_claim_control_number
    claim.remit_received_at = claim.remit_received_at or datetime.now(timezone.utc)
    detail = {"remit_id": remit.remit_id, "status_code": remit.status_code, "paid": str(remit.paid)}
    transition(uow, claim, target, "adjudicated", detail)
    if remit.status_code == states.REVERSAL and claim.status == "voided":
        await _close_voids(uow, claim, detail)


async def _close_voids(uow: UnitOfWork, original: Claim, detail: dict) -> None:
    """The payer's reversal of a voided claim is the answer to its void (frequency 8): that claim is done."""
    voids = await uow.session.execute(select(Claim).where(
        Claim.tenant_id == original.tenant_id, Claim.original_claim_id == original.id, Claim.frequency_code == "8",
        Claim.status.in_(["submitted", "accepted"])).with_for_update())
    for void in voids.scalars():
        void.remit_received_at = void.remit_received_at or datetime.now(timezone.utc)
        transition(uow, void, "closed", "reversal_received", {**detail, "original_claim_id": str(original.id)})


async def apply_acknowledgment(uow: UnitOfWork, *, tenant_id: UUID, ack) -> Claim | None:
    """One 277CA claim status: accepted records the payer claim number; rejected goes to the fix queue."""
    claim = await find_by_pcn(uow, tenant_id=tenant_id, pcn=ack.patient_control_number, lock=True)
    if claim is None:
        return None
    detail = {"source": ack.source, "reasons": ack.reasons}
    if ack.accepted:
        claim.payer_claim_number = ack.payer_claim_number or claim.payer_claim_number
        detail["payer_claim_number"] = claim.payer_claim_number
    target = "accepted" if ack.accepted else "rejected"
    transition(uow, claim, target, target, detail)
    uow.emit(ClaimAcknowledged(claim_id=str(claim.id), source=ack.source, accepted=ack.accepted,
                               payer_claim_control_number=claim.payer_claim_number, reasons=ack.reasons),
             tenant_id=tenant_id, subject_id=claim.id)
    return claim



class FixRefused(Exception):
    """Only held or rejected claims can be fixed. PHI-free message."""


async def fix_claim(uow: UnitOfWork, *, tenant_id, claim_id, changes: dict, actor: str, catalog: Catalog,
                    today: date) -> Claim | None:
    """A biller's correction to a held or rejected claim: merge it into the coded claim and re-scrub."""
    claim = await find_claim(uow, tenant_id=tenant_id, claim_id=claim_id)
    if claim is None:
        return None
    if claim.status not in ("held", "rejected"):
        raise FixRefused(f"a {claim.status} claim cannot be fixed; correct it with a replacement claim")
    merged = dict(claim.coded)
    for section in ("coverage", "patient", "rendering_provider"):
        if section in changes:
            merged[section] = {**merged[section], **changes[section]}
    for field in ("diagnoses", "procedures", "prior_authorization", "place_of_service"):
        if field in changes:
            merged[field] = changes[field]
    coded = ClaimCoded.model_validate(merged)
    claim.coded = coded.model_dump(mode="json")
    claim.payer_id = coded.coverage.payer_id
    claim.eligibility, claim.eligibility_requested_at = None, None  # coverage is verified again before sending
    record(uow, claim, "fixed", {"by": actor, "fields": sorted(changes)})
    if claim.status == "rejected":
        transition(uow, claim, "held", "reopened", {})
    tenant = await uow.session.get(BillingTenant, tenant_id)
    payer_row = await uow.session.get(TenantPayer, (tenant_id, coded.coverage.payer_id))
    if payer_row is None:
        edit = unknown_payer_edit(coded.coverage.payer_id)
        claim.edits = [edit.model_dump(mode="json")]
        record(uow, claim, "held", {"edits": [edit.edit_id]})
        return claim
    await _price_and_scrub(uow, claim, coded, tenant, payer_row, catalog=catalog, today=today)
    return claim
