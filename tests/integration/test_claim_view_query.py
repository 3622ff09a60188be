"""GET /internal/claims/{id} reads the claim, its lines and its timeline in one statement on the
driver's connection and answers it as bytes, unvalidated: they must be the very bytes the response model
wrote from the ORM-loaded rows (clients and the gateway compare them), and it opens no transaction."""
import uuid
from datetime import date, datetime, timezone

import asyncpg
import pytest
from sqlalchemy import event, select

from shared.contracts.api.claims import ClaimDetail
from shared.contracts.envelope import Envelope
from shared.contracts.tenant import TenantRegistered
from shared.db.engine import BURST_CONNECTIONS, make_engine, make_session_factory, statement_connection
from shared.db.unit_of_work import UnitOfWorkFactory
from shared.http.json_response import dump_model_json
from services.claims.adapters.claim_view import claim_view
from services.claims.adapters.repositories import ClaimsUnitOfWork
from services.claims.adapters.tables import Claim, ClaimEvent, ClaimLine
from services.claims.application.build_claims import create_claim
from services.claims.application.register_tenant import register_tenant
from services.claims.adapters.catalog import Catalog
from services.claims.settings import Settings
from tests.unit.claims.builders import BILLING, coded

CATALOG = Catalog.load()


@pytest.fixture(scope="module")
async def engine(infrastructure):
    engine = make_engine(Settings(database_url=infrastructure.database_url))
    yield engine
    await engine.dispose()


@pytest.fixture(scope="module")
def units(engine):
    return UnitOfWorkFactory(make_session_factory(engine), unit_of_work=ClaimsUnitOfWork)


async def _view(engine, *, tenant_id, claim_id) -> dict | None:
    async with statement_connection(engine) as connection:
        return await claim_view(connection, tenant_id=tenant_id, claim_id=claim_id)


def _orm_view(claim: Claim, lines: list[ClaimLine], events: list[ClaimEvent]) -> dict:
    """The view as the route built it from ORM rows before the single statement (its model wrote it)."""
    return {
        "claim_id": str(claim.id), "encounter_id": str(claim.encounter_id), "status": claim.status,
        "patient_control_number": claim.patient_control_number, "payer_id": claim.payer_id,
        "payer_claim_number": claim.payer_claim_number, "frequency_code": claim.frequency_code,
        "original_claim_id": str(claim.original_claim_id) if claim.original_claim_id else None,
        "payer_sequence": claim.payer_sequence,
        "prior_claim_id": str(claim.prior_claim_id) if claim.prior_claim_id else None,
        "total_charge": str(claim.total_charge), "edits": claim.edits,
        "diagnoses": [d["code"] for d in claim.coded.get("diagnoses", [])],
        "eligibility": claim.eligibility, "payer_status": claim.last_payer_status,
        "submitted_at": claim.submitted_at.isoformat() if claim.submitted_at else None,
        "next_inquiry_on": claim.next_inquiry_on.isoformat() if claim.next_inquiry_on else None,
        "next_action_on": claim.next_action_on.isoformat() if claim.next_action_on else None,
        "lines": [{"line_number": line.line_number, "procedure_code": line.procedure_code, "modifiers": line.modifiers,
                   "units": line.units, "charge": str(line.charge), "date_of_service": line.date_of_service.isoformat()}
                  for line in lines],
        "timeline": [{"at": e.at.isoformat(), "service": "claims", "event": e.event, "status": e.status,
                      "detail": e.detail} for e in events],
    }


async def _claim(units, tenant_id) -> uuid.UUID:
    async with units() as uow:
        await register_tenant(uow, Envelope[TenantRegistered](
            event_type="tenant.registered", tenant_id=tenant_id, subject_id=tenant_id,
            payload=TenantRegistered(tenant_id=str(tenant_id), name="view", billing_provider=BILLING)), catalog=CATALOG)
        created = await create_claim(uow, coded(encounter_id=str(uuid.uuid4())), tenant_id, catalog=CATALOG)
    async with units() as uow:
        claim = await uow.claims.get(tenant_id, created.id)
        claim.eligibility = {"status": "active", "copay": 20.5, "plan": "Gold ü"}
        claim.submitted_at = datetime(2026, 11, 23, 9, 30, 0, 500000, tzinfo=timezone.utc)
        claim.next_action_on = date(2026, 12, 24)
        for at in (datetime(2026, 11, 23, 10, 0, tzinfo=timezone.utc),  # no fraction: Python writes none
                   datetime(2026, 11, 23, 10, 0, 0, 120000, tzinfo=timezone.utc)):  # Postgres would trim it
            uow.session.add(ClaimEvent(tenant_id=tenant_id, claim_id=claim.id, event="noted", status=claim.status,
                                       detail={"reason": "x", "amount": 1.5, "nested": {"b": 1, "a": [None]}}, at=at))
        return claim.id


async def test_the_single_statement_writes_the_orm_views_bytes(engine, units):
    tenant_id = uuid.uuid4()
    claim_id = await _claim(units, tenant_id)
    view = await _view(engine, tenant_id=tenant_id, claim_id=claim_id)
    async with units() as uow:
        claim = await uow.session.get(Claim, claim_id)
        lines = (await uow.session.execute(
            select(ClaimLine).where(ClaimLine.claim_id == claim_id).order_by(ClaimLine.line_number))).scalars().all()
        events = await uow.timeline.of(claim_id)
    assert len(lines) >= 1 and len(events) >= 3
    assert dump_model_json(view) == ClaimDetail.model_validate(_orm_view(claim, lines, events)).model_dump_json().encode()


async def test_another_tenants_claim_is_not_found(engine, units):
    claim_id = await _claim(units, uuid.uuid4())
    assert await _view(engine, tenant_id=uuid.uuid4(), claim_id=claim_id) is None


async def test_the_view_is_read_without_a_transaction(engine, units):
    """One statement is its own snapshot: a BEGIN and a COMMIT around it were two round trips for nothing."""
    tenant_id = uuid.uuid4()
    claim_id = await _claim(units, tenant_id)
    begun: list[object] = []

    def began(connection) -> None:
        begun.append(connection)

    event.listen(engine.sync_engine, "begin", began)
    try:
        async with statement_connection(engine) as connection:
            assert await claim_view(connection, tenant_id=tenant_id, claim_id=claim_id) is not None
            assert not connection.is_in_transaction()
    finally:
        event.remove(engine.sync_engine, "begin", began)
    assert begun == []


async def test_a_connection_whose_statement_failed_goes_back_to_no_one(engine):
    async with statement_connection(engine) as connection:
        kept = connection
    assert not kept.is_closed()  # a read that succeeded returns its connection to the pool
    with pytest.raises(asyncpg.DivisionByZeroError):
        async with statement_connection(engine) as connection:
            failed = connection
            await connection.fetchval("SELECT 1 / 0")
    assert failed.is_closed()
    async with statement_connection(engine) as connection:
        assert connection is not failed and await connection.fetchval("SELECT 1") == 1


async def test_connections_a_burst_opened_are_kept_when_given_back(infrastructure):
    """A connection opened beyond `db_pool_size` goes back to the pool instead of being closed: reopening
    it under the next burst would cost Postgres a backend and the driver its type introspection."""
    engine = make_engine(Settings(database_url=infrastructure.database_url, db_pool_size=1))
    try:
        async with statement_connection(engine) as first, statement_connection(engine) as second:
            assert await first.fetchval("SELECT 1") == await second.fetchval("SELECT 2") - 1
        assert engine.pool.checkedout() == 0 and engine.pool.checkedin() == 2
        assert not first.is_closed() and not second.is_closed()
        assert engine.pool.size() == 1 + BURST_CONNECTIONS
    finally:
        await engine.dispose()
