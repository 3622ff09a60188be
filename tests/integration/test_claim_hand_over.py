"""Writes on the claims database, and claim.coded's reads. claim.coded: its four reads are one statement answering
what each read alone answers (so are a fix's two and a remit batch's next payers' two); a batch's claims, their
lines and their timeline go in as one statement, and the claims' counts come out as the claims and their steps say,
held claims (whose hold is a timeline step the count reads) among them. The hand-over: after the POST, one statement
records the clearinghouse's answer on the file and reads its claims with their lines and payer; claim.submitted must
say what the stored claim, its lines and its payer say, to the type (the charge exact, the day a date, the modifiers
in order). A 277CA: the claims' new states, their timeline's steps and claim.acknowledged go in as one statement, and
what is stored is what the acknowledgments say."""
import json
import uuid
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import insert, select

from shared.contracts.claim import ClaimAcknowledged, ClaimCoded, ClaimSubmitted
from shared.contracts.envelope import Envelope
from shared.contracts.tenant import TenantRegistered
from shared.db.engine import make_engine, make_session_factory
from shared.db.tables import outbox_message
from shared.db.unit_of_work import UnitOfWorkFactory
from shared.testing.fake_batch import FakeBatch
from services.claims.adapters.catalog import Catalog
from services.claims.adapters.clearinghouse import DropboxClearinghouse
from services.claims.adapters.reports import claim_tally
from services.claims.adapters.repositories import ClaimsUnitOfWork
from services.claims.adapters.tables import (Claim, ClaimEvent, ClaimLine, DenialPattern, HeldPayerResponse,
                                             Interchange, TenantPayer)
from services.claims.adapters.written_documents import WRITTEN
from services.claims.application.build_claims import build_claims, create_claim
from services.claims.application.coded_claims import CodedClaims
from services.claims.application.record_acks import record_acknowledgments
from services.claims.application.register_tenant import register_tenant
from services.claims.application.send_interchange import send_interchange
from services.claims.application.submit_batch import batch_ready_claims
from services.claims.domain.acks import ClaimAck
from services.claims.settings import Settings
from tests.conftest import service_paused
from tests.integration.figures_support import statements_sent
from tests.unit.claims.builders import BILLING, ENCOUNTER, coded

CATALOG = Catalog.load()
LINES = [{"code": "99214", "modifiers": ["25"], "units": 1, "diagnosis_pointers": [1]},
         {"code": "36415", "modifiers": [], "units": 2, "diagnosis_pointers": [1]}]


@pytest.fixture(scope="module")
async def engine(infrastructure):
    engine = make_engine(Settings(database_url=infrastructure.database_url))
    yield engine
    await engine.dispose()


@pytest.fixture(scope="module", autouse=True)
def claims_service_paused(infrastructure):
    """A running claims service would hand the file over itself."""
    with service_paused(infrastructure, "claims"):
        yield


async def _register(uow, tenant_id: uuid.UUID, name: str) -> None:
    await register_tenant(uow, Envelope[TenantRegistered](
        event_type="tenant.registered", tenant_id=tenant_id, subject_id=tenant_id,
        payload=TenantRegistered(tenant_id=str(tenant_id), name=name, billing_provider=BILLING)), catalog=CATALOG)


def _batch(tenant_id: uuid.UUID) -> list:
    """Two ready claims, one held for a line without a charge (its lines stored) and one for a payer the
    tenant does not have (no lines)."""
    claims = [coded(encounter_id=str(uuid.uuid4()), patient={**ENCOUNTER["patient"], "id": f"MRN-CODED-{n}"})
              for n in range(4)]
    claims[2] = claims[2].model_copy(update={"procedures": [
        p.model_copy(update={"charge": Decimal("0.00")}) for p in claims[2].procedures]})
    claims[3] = claims[3].model_copy(update={"coverage": claims[3].coverage.model_copy(
        update={"payer_id": "NO-SUCH-PAYER"})})
    return [Envelope(event_type="claim.coded", tenant_id=tenant_id, subject_id=c.claim_id, payload=c)
            for c in claims]


async def test_a_batch_writes_its_claims_lines_and_timeline_in_one_statement(engine):
    units = UnitOfWorkFactory(make_session_factory(engine), unit_of_work=ClaimsUnitOfWork)
    tenant_id = uuid.uuid4()
    async with units() as uow:
        await _register(uow, tenant_id, "coded")
    envelopes = _batch(tenant_id)
    with statements_sent(engine) as statements:
        async with units() as uow:
            await build_claims(uow, FakeBatch(envelopes), catalog=CATALOG)
    writes = [s for s in statements if not s.lstrip().upper().startswith("SELECT")]
    assert len(writes) == 1, writes
    assert writes[0].startswith("WITH t0 AS (INSERT INTO claim ") and "t1 AS (INSERT INTO claim_line " in writes[0]
    assert "INSERT INTO claim_event " in writes[0]

    ids = [uuid.UUID(e.payload.claim_id) for e in envelopes]
    async with units() as uow:
        statuses = dict((await uow.session.execute(select(Claim.id, Claim.status).where(Claim.id.in_(ids)))).all())
        lines = (await uow.session.execute(select(ClaimLine.claim_id).where(ClaimLine.claim_id.in_(ids)))).scalars()
        steps = (await uow.session.execute(select(ClaimEvent.claim_id, ClaimEvent.event).where(
            ClaimEvent.claim_id.in_(ids)).order_by(ClaimEvent.id))).all()
        counts = dict((await uow.session.execute(select(claim_tally.c.key, claim_tally.c.n).where(
            claim_tally.c.tenant_id == tenant_id))).all())
    assert [statuses[i] for i in ids] == ["ready", "ready", "held", "held"]
    assert set(lines) == set(ids[:3])
    assert steps == [(ids[0], "built"), (ids[0], "scrubbed"), (ids[1], "built"), (ids[1], "scrubbed"),
                     (ids[2], "built"), (ids[2], "held"), (ids[3], "built"), (ids[3], "held")]
    # A held claim is reworked, so not clean: the count reads its hold from the timeline written with it.
    assert {k: n for k, n in counts.items() if n} == {"status:ready": 2, "status:held": 2, "scrubbed": 4,
                                                      "clean": 2}


async def test_a_batchs_coded_claims_read_back_serve_the_models_they_were_written_from(engine, monkeypatch):
    """What the round reads back is what claim.coded stored: through the jsonb column and the driver's codec the
    document equals the kept text parsed, so each claim's model serves unvalidated, equal to validating it."""
    units = UnitOfWorkFactory(make_session_factory(engine), unit_of_work=ClaimsUnitOfWork)
    tenant_id = uuid.uuid4()
    async with units() as uow:
        await _register(uow, tenant_id, "written")
    envelopes = _batch(tenant_id)
    envelopes[1] = envelopes[1].model_copy(update={"payload": envelopes[1].payload.model_copy(update={
        "patient": envelopes[1].payload.patient.model_copy(update={"last_name": "MUÑOZ-O'BRIEN", "first_name": "Zoë"}),
        "referring_provider": envelopes[1].payload.rendering_provider, "prior_authorization": "AUTH \\ \"7\"",
        "procedures": [p.model_copy(update={"charge": Decimal("125.50")}) for p in envelopes[1].payload.procedures],
        "other_coverages": [envelopes[1].payload.coverage.model_copy(update={"payer_id": "BCBS"})]})})
    async with units() as uow:
        await build_claims(uow, FakeBatch(envelopes), catalog=CATALOG)
    ids = [uuid.UUID(e.payload.claim_id) for e in envelopes]
    async with units() as uow:
        stored = dict((await uow.session.execute(select(Claim.id, Claim.coded).where(Claim.id.in_(ids)))).all())

    for claim_id, envelope in zip(ids, envelopes):
        served = WRITTEN.model_of(claim_id, stored[claim_id])
        validated = ClaimCoded.model_validate(stored[claim_id])
        assert served is envelope.payload
        assert served == validated and served.model_dump_json() == validated.model_dump_json()
    from services.claims.application import coded_claims
    monkeypatch.setattr(coded_claims, "DOCUMENTS", None)  # nothing left to validate
    records = [type("Record", (), {"id": i, "coded": stored[i]})() for i in ids]
    assert CodedClaims().of(records) == [e.payload for e in envelopes]


async def _seeded_for_reads(units) -> tuple[list, list, list]:
    """A registered tenant with two denial patterns and claim.coded's batch stored, and what to ask: tenants and
    payers (one the tenant lacks, a tenant never registered), the batch's days and one with no lines, three stored
    ids and a new one."""
    tenant_id = uuid.uuid4()
    async with units() as uow:
        await _register(uow, tenant_id, "reads")
        await uow.session.execute(insert(DenialPattern).values([
            {"tenant_id": tenant_id, "payer_id": "AETNA", "procedure_code": code, "category": "authorization",
             "carc_codes": ["197", "15"], "denials": 3, "first_denied_on": date(2026, 10, 1),
             "last_denied_on": date(2026, 11, 20)} for code in ("99213", "36415")]))
    envelopes = _batch(tenant_id)
    async with units() as uow:
        await build_claims(uow, FakeBatch(envelopes), catalog=CATALOG)
    keys = [(tenant_id, "AETNA"), (tenant_id, "NO-SUCH-PAYER"), (uuid.uuid4(), "AETNA")]
    days = [(tenant_id, e.payload.patient.id, e.payload.date_of_service) for e in envelopes]
    days.append((tenant_id, "MRN-NONE", date(2026, 11, 2)))
    ids = [uuid.UUID(e.payload.claim_id) for e in envelopes[1:]] + [uuid.uuid4()]
    return keys, days, ids


async def test_a_batchs_four_reads_are_one_statement_answering_what_each_read_alone_answers(engine):
    """Tenants and payers (one the tenant lacks, a tenant never registered), the live lines of the batch's days (a
    ready claim's, not a held one's), the denial history and the ids stored already, read as claim.coded reads
    them: one statement, each answer the one its read alone gives, to the type."""
    units = UnitOfWorkFactory(make_session_factory(engine), unit_of_work=ClaimsUnitOfWork)
    keys, days, ids = await _seeded_for_reads(units)
    async with units() as uow:
        alone = (await uow.payers.with_tenants(keys), await uow.claims.billed_services(days),
                 await uow.denial_patterns.history(keys), await uow.claims.existing_ids(ids))
    with statements_sent(engine) as statements:
        async with units() as uow:
            read = await uow.coded_batch_reads(keys, days, ids)
    assert len(statements) == 1, statements
    assert ((read.tenants, read.payers), read.billed, read.history, read.existing) == alone
    assert len(read.billed) == 2 and len(read.history[(keys[0][0], "AETNA")]) == 2 and len(read.existing) == 3
    for answered, expected in ((read.tenants, alone[0][0]), (read.billed, alone[1]), (read.history, alone[2])):
        assert repr(answered) == repr(expected)
    with statements_sent(engine) as statements:
        async with units() as uow:
            nothing = await uow.coded_batch_reads([], [], [])
    assert statements == [] and (nothing.tenants, nothing.payers, nothing.billed, nothing.history,
                                 nothing.existing) == ({}, {}, {}, {}, set())


async def test_a_fixs_lines_and_history_and_the_next_payers_tenants_and_ids_are_one_statement_each(engine):
    """The fix path's live lines of the day with the payer's denial history, and a remit batch's next payers'
    tenants and payers with the ids stored already: one statement each, each answer the one its read alone gives,
    to the type; nothing asked for no claims."""
    units = UnitOfWorkFactory(make_session_factory(engine), unit_of_work=ClaimsUnitOfWork)
    keys, days, ids = await _seeded_for_reads(units)
    async with units() as uow:
        alone = (await uow.claims.billed_services(days), await uow.denial_patterns.history(keys),
                 *(await uow.payers.with_tenants(keys)), await uow.claims.existing_ids(ids))
    with statements_sent(engine) as statements:
        async with units() as uow:
            fixed = await uow.billed_with_history(days, keys)
    assert len(statements) == 1, statements
    with statements_sent(engine) as statements:
        async with units() as uow:
            next_payers = await uow.next_payer_reads(keys, ids)
            asked_again = await uow.payers.with_tenants(keys)  # kept: asked again, nothing sent
    assert len(statements) == 1, statements
    assert (*fixed, *next_payers) == alone and asked_again == next_payers[:2]
    assert len(fixed[0]) == 2 and len(fixed[1][(keys[0][0], "AETNA")]) == 2 and len(next_payers[2]) == 3
    assert len(next_payers[0]) == 1 and set(next_payers[1]) == {keys[0]}
    assert repr((*fixed, *next_payers)) == repr(alone)
    with statements_sent(engine) as statements:
        async with units() as uow:
            assert await uow.next_payer_reads([], []) == ({}, {}, set())
            assert await uow.billed_with_history([], []) == ({}, {})
    assert statements == []


async def _stored_file(units) -> tuple[uuid.UUID, list[uuid.UUID]]:
    """A tenant whose two verified claims (two lines each, one with a modifier) sit in one stored file."""
    tenant_id = uuid.uuid4()
    async with units() as uow:
        await _register(uow, tenant_id, "hand-over")
        ids = []
        for n in range(2):
            claim = await create_claim(uow, coded(encounter_id=str(uuid.uuid4()), procedures=LINES,
                                                  patient={**ENCOUNTER["patient"], "id": f"MRN-HAND-{n}"}),
                                       tenant_id, catalog=CATALOG)
            assert claim.status == "ready", claim.edits
            ids.append(claim.id)
    async with units() as uow:
        for claim_id in ids:
            (await uow.claims.get(tenant_id, claim_id)).eligibility = {"status": "active"}
    async with units() as uow:
        assert await batch_ready_claims(uow, catalog=CATALOG, submitter_id="BILLINGPLATFORM", usage="T",
                                        limit=500) == 2
    return tenant_id, ids


async def test_claim_submitted_says_what_the_stored_claim_its_lines_and_its_payer_say(engine, tmp_path):
    units = UnitOfWorkFactory(make_session_factory(engine), unit_of_work=ClaimsUnitOfWork)
    tenant_id, ids = await _stored_file(units)
    async with units() as uow:
        control = (await uow.session.get(Claim, ids[0])).interchange_id
    with statements_sent(engine) as statements:
        async with units() as uow:
            interchange = await uow.interchanges.get(control, lock=True)
            assert await send_interchange(uow, interchange,
                                          clearinghouse=DropboxClearinghouse(str(tmp_path / "dropbox"))) == 2
    # The file, then its answer with its claims, lines and payer; then the claims with their timeline and the outbox.
    assert len(statements) == 3, statements
    assert statements[-1].startswith("WITH t0 AS (UPDATE claim ") and "INSERT INTO claim_event " in statements[-1]
    assert "INSERT INTO outbox_message " in statements[-1]

    async with units() as uow:
        file = await uow.session.get(Interchange, interchange.id)
        claims = {c.id: c for c in (await uow.session.execute(select(Claim).where(Claim.id.in_(ids)))).scalars()}
        lines = (await uow.session.execute(select(ClaimLine).where(ClaimLine.claim_id.in_(ids))
                                           .order_by(ClaimLine.line_number))).scalars().all()
        payer = await uow.session.get(TenantPayer, (tenant_id, claims[ids[0]].payer_id))
        rows = (await uow.session.execute(select(outbox_message.c.value).where(
            outbox_message.c.topic == "claim.submitted",
            outbox_message.c.message_key.in_([str(i).encode() for i in ids])))).scalars().all()
    assert file.ack_status == "sent"
    events = {e.claim_id: e for e in (ClaimSubmitted.model_validate(json.loads(r)["payload"]) for r in rows)}
    assert set(events) == {str(i) for i in ids}
    for claim_id, claim in claims.items():
        submitted = events[str(claim_id)]
        assert claim.status == "submitted" and submitted.total_charge == claim.total_charge
        assert submitted.patient_id == claim.coded["patient"]["id"]
        assert submitted.rendering_npi == claim.coded["rendering_provider"]["npi"]
        assert submitted.original_payer_claim_number == claim.coded.get("original_payer_claim_number")
        assert (submitted.payer_name, submitted.payer_appeal_days) == (payer.name, payer.appeal_days)
        own = [line for line in lines if line.claim_id == claim_id]
        assert [(l.line_number, l.procedure_code, l.modifiers, l.units, l.charge, l.date_of_service)
                for l in submitted.lines] == [
            (l.line_number, l.procedure_code, l.modifiers, l.units, l.charge, l.date_of_service) for l in own]
        assert [l.modifiers for l in submitted.lines] == [["25"], []]
        assert all(isinstance(l.charge, Decimal) and l.charge > 0 for l in submitted.lines)


async def test_a_277ca_writes_its_claims_their_steps_and_its_events_in_one_statement(engine, tmp_path):
    units = UnitOfWorkFactory(make_session_factory(engine), unit_of_work=ClaimsUnitOfWork)
    tenant_id, ids = await _stored_file(units)
    async with units() as uow:
        control = (await uow.session.get(Claim, ids[0])).interchange_id
        interchange = await uow.interchanges.get(control, lock=True)
        await send_interchange(uow, interchange, clearinghouse=DropboxClearinghouse(str(tmp_path / "dropbox")))
    async with units() as uow:
        pcns = [(await uow.session.get(Claim, claim_id)).patient_control_number for claim_id in ids]
    acks = [ClaimAck(pcns[0], True, "PAYER-1", []), ClaimAck("NO-SUCH-PCN", True, None, []),
            ClaimAck(pcns[1], False, None, ["A7:21"])]
    with statements_sent(engine) as statements:
        async with units() as uow:
            assert await record_acknowledgments(uow, tenant_id=tenant_id, acks=acks, x12="ISA*~") == 2
    writes = [s for s in statements if not s.lstrip().upper().startswith("SELECT")]
    # The held answer (the session's insert), then the claims, their steps and the events: two where there were three.
    assert len(writes) == 2, writes
    assert writes[0].startswith("INSERT INTO held_payer_response ") and writes[1].startswith("WITH t0 AS (UPDATE claim ")
    assert "INSERT INTO claim_event " in writes[1] and "INSERT INTO outbox_message " in writes[1]

    async with units() as uow:
        claims = {c.id: c for c in (await uow.session.execute(select(Claim).where(Claim.id.in_(ids)))).scalars()}
        steps = (await uow.session.execute(select(ClaimEvent.claim_id, ClaimEvent.event, ClaimEvent.status).where(
            ClaimEvent.claim_id.in_(ids), ClaimEvent.event.in_(["accepted", "rejected"])).order_by(ClaimEvent.id))).all()
        rows = (await uow.session.execute(select(outbox_message.c.value).where(
            outbox_message.c.topic == "claim.acknowledged",
            outbox_message.c.message_key.in_([str(i).encode() for i in ids])).order_by(outbox_message.c.id))).scalars()
        held = (await uow.session.execute(select(HeldPayerResponse.trace).where(
            HeldPayerResponse.tenant_id == tenant_id))).scalars().all()
        counts = dict((await uow.session.execute(select(claim_tally.c.key, claim_tally.c.n).where(
            claim_tally.c.tenant_id == tenant_id))).all())
    assert [(claims[i].status, claims[i].payer_claim_number) for i in ids] == [("accepted", "PAYER-1"),
                                                                              ("rejected", None)]
    assert steps == [(ids[0], "accepted", "accepted"), (ids[1], "rejected", "rejected")]
    events = [ClaimAcknowledged.model_validate(json.loads(r)["payload"]) for r in rows]
    assert [(e.claim_id, e.accepted, e.payer_claim_control_number) for e in events] == [
        (str(ids[0]), True, "PAYER-1"), (str(ids[1]), False, None)]
    assert held == ["NO-SUCH-PCN"]
    assert (counts.get("status:accepted"), counts.get("status:rejected"), counts.get("status:submitted", 0)) == (1, 1, 0)
