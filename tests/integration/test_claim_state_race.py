"""A payer's answer that lands while its claim is being handed over, on the claims database.

The 837P interchange is committed (claims `submitting`), then the hand-over to the clearinghouse
runs in its own transaction. A 277CA or an 835 may be applied in between, or while the hand-over's
transaction is open: the claim must end where the payer's answer put it, its timeline never going
back, and claim.submitted (the charge payments posts) must still leave exactly once.
"""
import asyncio
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from shared.contracts.envelope import Envelope
from shared.contracts.remit import RemitReceived
from shared.contracts.tenant import TenantRegistered
from shared.db.engine import make_engine, make_session_factory
from shared.db.tables import outbox_message
from shared.db.unit_of_work import UnitOfWorkFactory
from shared.testing.fake_batch import FakeBatch
from services.claims.adapters.clearinghouse import DropboxClearinghouse
from services.claims.adapters.repositories import ClaimsUnitOfWork
from services.claims.adapters.tables import Claim, ClaimEvent
from services.claims.application.apply_remits import apply_remits
from services.claims.application.build_claims import create_claim
from services.claims.application.record_acks import record_acknowledgments
from services.claims.application.register_tenant import register_tenant
from services.claims.application.send_interchange import send_interchange
from services.claims.application.submit_batch import SENDING, batch_ready_claims
from services.claims.adapters.catalog import Catalog
from services.claims.domain.acks import ClaimAck
from services.claims.domain.states import REOPENED, STAGE
from services.claims.settings import Settings
from tests.conftest import service_paused
from tests.unit.claims.builders import BILLING, coded

CATALOG = Catalog.load()


@pytest.fixture(scope="module")
async def units(infrastructure):
    engine = make_engine(Settings(database_url=infrastructure.database_url))
    yield UnitOfWorkFactory(make_session_factory(engine), unit_of_work=ClaimsUnitOfWork)
    await engine.dispose()


@pytest.fixture(scope="module", autouse=True)
def claims_service_paused(infrastructure):
    """A running claims service (the end-to-end tests start one) would hand these interchanges over itself."""
    with service_paused(infrastructure, "claims"):
        yield


@pytest.fixture
def clearinghouse(tmp_path):
    return DropboxClearinghouse(str(tmp_path / "dropbox"))


async def _submitting_claim(units) -> Claim:
    """A tenant with one verified ready claim, batched into its own interchange."""
    tenant_id = uuid.uuid4()
    async with units() as uow:
        await register_tenant(uow, Envelope[TenantRegistered](
            event_type="tenant.registered", tenant_id=tenant_id, subject_id=tenant_id,
            payload=TenantRegistered(tenant_id=str(tenant_id), name="race", billing_provider=BILLING)), catalog=CATALOG)
        claim = await create_claim(uow, coded(encounter_id=str(uuid.uuid4())), tenant_id, catalog=CATALOG)
        assert claim.status == "ready", claim.edits
    async with units() as uow:
        (await uow.claims.get(tenant_id, claim.id)).eligibility = {"status": "active"}
    async with units() as uow:
        assert await batch_ready_claims(uow, catalog=CATALOG, submitter_id="BILLINGPLATFORM",
                                                   usage="T", limit=500) >= 1
    async with units() as uow:
        claim = await uow.session.get(Claim, claim.id)
    assert claim.status == "submitting" and claim.interchange_id is not None
    return claim


async def _send(uow, claim: Claim, clearinghouse) -> None:
    interchange = await uow.interchanges.get(claim.interchange_id, lock=True)
    assert interchange.ack_status == SENDING
    await send_interchange(uow, interchange, clearinghouse=clearinghouse)


async def _accept(units, claim: Claim) -> None:
    async with units() as uow:
        ack = ClaimAck(patient_control_number=claim.patient_control_number, accepted=True,
                       payer_claim_number="PAYER0001", reasons=[])
        assert await record_acknowledgments(uow, tenant_id=claim.tenant_id, acks=[ack], x12="") == 1


async def _pay(units, claim: Claim) -> None:
    remit = RemitReceived(remit_id=str(uuid.uuid4()), claim_id=str(claim.id),
                          patient_control_number=claim.patient_control_number, payer_id=claim.payer_id,
                          status_code="1", charge=claim.total_charge, paid=Decimal("76.00"),
                          patient_responsibility=Decimal("0.00"), payer_claim_control_number="PAYER0001",
                          trace_number="TRACE1")
    async with units() as uow:
        await apply_remits(uow, FakeBatch([Envelope[RemitReceived](
            event_type="remit.received", tenant_id=claim.tenant_id, subject_id=claim.id, payload=remit)]))


async def _outcome(units, claim: Claim) -> tuple[str, list[ClaimEvent], int]:
    async with units() as uow:
        status = (await uow.session.get(Claim, claim.id, populate_existing=True)).status
        events = await uow.timeline.of(claim.id)
        submitted = await uow.session.scalar(select(func.count()).select_from(outbox_message).where(
            outbox_message.c.topic == "claim.submitted", outbox_message.c.message_key == str(claim.id).encode()))
    return status, events, submitted


def _never_back(events: list[ClaimEvent]) -> None:
    statuses = [e.status for e in events]
    for before, after in zip(statuses, statuses[1:]):
        assert STAGE[after] >= STAGE[before] or (before, after) in REOPENED, statuses


async def test_a_remit_applied_between_batch_and_send_keeps_the_claim_paid(units, clearinghouse):
    claim = await _submitting_claim(units)
    await _accept(units, claim)
    await _pay(units, claim)
    async with units() as uow:
        await _send(uow, claim, clearinghouse)

    status, events, submitted = await _outcome(units, claim)
    assert status == "paid"
    assert submitted == 1
    _never_back(events)
    late = [e for e in events if e.event == "submitted"]
    assert len(late) == 1 and late[0].status == "paid"
    assert late[0].detail["ignored"] is True and late[0].detail["proposed_status"] == "submitted"
    assert [e.event for e in events][-3:] == ["accepted", "adjudicated", "submitted"]


async def test_an_acknowledgment_during_the_hand_over_waits_for_it(units, clearinghouse):
    claim = await _submitting_claim(units)
    hand_over = units()
    uow = await hand_over.__aenter__()
    await _send(uow, claim, clearinghouse)
    acknowledgment = asyncio.create_task(_accept(units, claim))
    await asyncio.sleep(1.0)
    assert not acknowledgment.done(), "the acknowledgment must wait for the hand-over's row lock"
    await hand_over.__aexit__(None, None, None)
    await asyncio.wait_for(acknowledgment, 30)

    status, events, submitted = await _outcome(units, claim)
    assert status == "accepted"
    assert submitted == 1
    _never_back(events)
    assert [(e.event, e.status) for e in events][-3:] == [
        ("batched", "submitting"), ("submitted", "submitted"), ("accepted", "accepted")]
