"""The submission round on the claims database: one transaction that verifies and batches over one read,
and the signal that wakes an idle loop once a transaction that left a claim ready has committed."""
import functools
import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from shared.contracts.envelope import Envelope
from shared.contracts.tenant import TenantRegistered
from shared.db.engine import make_session_factory
from shared.db.unit_of_work import UnitOfWorkFactory
from services.claims.adapters.catalog import Catalog
from services.claims.adapters.clearinghouse import DropboxClearinghouse
from services.claims.adapters.repositories import ClaimsUnitOfWork
from services.claims.adapters.tables import Claim, Interchange
from services.claims.application.build_claims import create_claim
from services.claims.application.register_tenant import register_tenant
from services.claims.application.submission_round import verify_and_batch
from services.claims.application.verify_eligibility import eligibility_key
from services.claims.domain.eligibility import EligibilityAnswer
from tests.integration.figures_support import statements_sent
from tests.integration.test_claim_state_race import claims_service_paused  # noqa: F401
from tests.integration.test_claim_view_query import engine  # noqa: F401 - the claims database's engine
from tests.unit.claims.builders import BILLING, ENCOUNTER, coded

CATALOG = Catalog.load()


def units_of_work(engine, signals: list) -> UnitOfWorkFactory:
    return UnitOfWorkFactory(make_session_factory(engine), unit_of_work=functools.partial(
        ClaimsUnitOfWork, claims_ready=lambda: signals.append("ready")))


async def tenant_with_claims(units, count: int) -> tuple[uuid.UUID, list[uuid.UUID]]:
    tenant_id, ids = uuid.uuid4(), []
    async with units() as uow:
        await register_tenant(uow, Envelope[TenantRegistered](
            event_type="tenant.registered", tenant_id=tenant_id, subject_id=tenant_id,
            payload=TenantRegistered(tenant_id=str(tenant_id), name="round", billing_provider=BILLING)), catalog=CATALOG)
    for n in range(count):
        async with units() as uow:
            claim = await create_claim(uow, coded(encounter_id=str(uuid.uuid4()),
                                                  patient={**ENCOUNTER["patient"], "id": f"MRN-ROUND-{n}"}),
                                       tenant_id, catalog=CATALOG)
            assert claim.status == "ready", claim.edits
            ids.append(claim.id)
    return tenant_id, ids


async def test_the_loop_is_told_of_a_ready_claim_only_once_its_transaction_committed(engine):
    signals = []
    units = units_of_work(engine, signals)
    tenant_id, _ = await tenant_with_claims(units, 0)

    async with units() as uow:
        await create_claim(uow, coded(encounter_id=str(uuid.uuid4())), tenant_id, catalog=CATALOG)
        assert signals == []  # not yet committed: a round now would not see the claim
    assert signals == ["ready"]

    with pytest.raises(RuntimeError):
        async with units() as uow:
            await create_claim(uow, coded(encounter_id=str(uuid.uuid4())), tenant_id, catalog=CATALOG)
            raise RuntimeError("rolled back")
    assert signals == ["ready"]


async def test_a_round_batches_the_verified_claim_and_leaves_the_one_asked_over_the_dropbox(engine, tmp_path):
    units = units_of_work(engine, [])
    tenant_id, (verified, asked) = await tenant_with_claims(units, 2)
    async with units() as uow:
        (await uow.claims.get(tenant_id, verified)).eligibility = {"status": "active"}

    async with units() as uow:
        batched = await verify_and_batch(uow, catalog=CATALOG, clearinghouse=DropboxClearinghouse(str(tmp_path)),
                                         submitter_id="BILLINGPLATFORM", usage="T", limit=500, interchange_size=50)

    assert batched >= 1
    async with units() as uow:
        rows = {c.id: c for c in (await uow.session.execute(
            select(Claim).where(Claim.id.in_([verified, asked])))).scalars()}
        interchange = await uow.session.get(Interchange, rows[verified].interchange_id)
    assert rows[verified].status == "submitting" and interchange.ack_status == "sending"
    assert rows[asked].status == "ready" and rows[asked].eligibility is None
    assert rows[asked].eligibility_requested_at is not None and rows[asked].interchange_id is None


async def test_a_round_takes_the_days_cached_answer_with_its_claims_and_asks_for_the_others(engine, tmp_path):
    """The cached answers come with the round's read of its claims: the day's answer for the claim's patient,
    member, payer and day of service verifies it without a 270; yesterday's does not."""
    units = units_of_work(engine, [])
    tenant_id, (cached, stale) = await tenant_with_claims(units, 2)
    async with units() as uow:
        today = uow.now().date()
        rows = {c.id: c for c in (await uow.claims.by_ids([(tenant_id, cached), (tenant_id, stale)])).values()}
        keys = {i: eligibility_key(rows[i]) for i in (cached, stale)}
        answer = EligibilityAnswer(trace="T", status="active", plan="GOLD", copay=Decimal("25.00"))
        await uow.eligibility.remember_many({keys[cached]: answer}, checked_on=today)
        await uow.eligibility.remember_many({keys[stale]: answer}, checked_on=today - timedelta(days=1))

    async with units() as uow:
        await verify_and_batch(uow, catalog=CATALOG, clearinghouse=DropboxClearinghouse(str(tmp_path)),
                               submitter_id="BILLINGPLATFORM", usage="T", limit=500, interchange_size=50)

    async with units() as uow:
        rows = {c.id: c for c in (await uow.session.execute(
            select(Claim).where(Claim.id.in_([cached, stale])))).scalars()}
    assert rows[cached].status == "submitting"
    assert rows[cached].eligibility == {**answer.public(), "checked_on": today.isoformat(), "cached": True}
    assert rows[stale].status == "ready" and rows[stale].eligibility is None
    assert rows[stale].eligibility_requested_at is not None


class AnsweringClearinghouse(DropboxClearinghouse):
    """The payer simulator's 271 at once, as a real-time clearinghouse answers a 270."""

    def __init__(self, directory: str):
        from tools.payer_sim.members import MemberBook
        from tools.payer_sim.state import SimState

        super().__init__(directory)
        self._state, self._book = SimState(f"{directory}/sim.sqlite3"), MemberBook.load()

    async def eligibility(self, *, mailbox: str, control_number: int, x12: str) -> str:
        from shared.clock import system_clock
        from tools.payer_sim.eligibility import answer_270

        return answer_270(x12, mailbox=mailbox, state=self._state, book=self._book, seed=7, control=control_number,
                          at=system_clock())


async def test_a_round_answered_at_once_writes_its_cached_answers_files_and_timeline_in_one_statement(engine, tmp_path):
    """The claims' changes, the answers to cache, the 837P and the claims' steps go in together at the end; the
    answers are stored for the claims' keys and the day, so the next claim of the same patient and day
    is verified without a 270."""
    from services.claims.adapters.tables import ClaimEvent, EligibilityCheck

    units = units_of_work(engine, [])
    tenant_id, ids = await tenant_with_claims(units, 2)
    with statements_sent(engine) as statements:
        async with units() as uow:
            batched = await verify_and_batch(uow, catalog=CATALOG, clearinghouse=AnsweringClearinghouse(str(tmp_path)),
                                             submitter_id="BILLINGPLATFORM", usage="T", limit=500, interchange_size=50)
    assert batched >= 2
    mine = [s for s in statements if "INSERT INTO eligibility_check " in s or s.startswith("UPDATE claim ")]
    assert len(mine) == 1 and mine[0].startswith("WITH t0 AS (UPDATE claim "), mine
    assert "INSERT INTO interchange " in mine[0] and "INSERT INTO claim_event " in mine[0]

    async with units() as uow:
        today = uow.now().date()
        claims = {c.id: c for c in (await uow.session.execute(select(Claim).where(Claim.id.in_(ids)))).scalars()}
        keys = {i: eligibility_key(claims[i]) for i in ids}
        cached = (await uow.session.execute(select(EligibilityCheck).where(
            EligibilityCheck.tenant_id == tenant_id, EligibilityCheck.checked_on == today))).scalars().all()
        steps = (await uow.session.execute(select(ClaimEvent.event).where(ClaimEvent.claim_id == ids[0])
                                           .order_by(ClaimEvent.id))).scalars().all()
    assert {(c.tenant_id, c.payer_id, c.patient_id, c.member_id, c.date_of_service) for c in cached} == set(keys.values())
    assert all(c.status == "submitting" and c.eligibility["cached"] is False for c in claims.values())
    assert steps[-2:] == ["eligibility_verified", "batched"]
    file_id = claims[ids[0]].interchange_id
    async with units() as uow:
        assert (await uow.session.get(Interchange, file_id)).claim_count == len(ids)
