"""A claim payment is posted once, by the payments database's unique posting key, even when two replicas post
the same remit for the same claim at the same time; two claim payments of one claim in one 835 post once each.
"""
import asyncio
import uuid
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from shared.contracts.claim import ClaimSubmitted, SubmittedLine
from shared.contracts.common import Adjustment
from shared.contracts.envelope import Envelope
from shared.contracts.remit import RemitReceived, RemitServiceLine
from shared.db.engine import make_engine, make_session_factory
from shared.db.tables import outbox_message
from shared.db.unit_of_work import UnitOfWorkFactory
from shared.testing.fake_batch import FakeBatch
from services.payments.adapters.ledger_repository import AlreadyPosted
from services.payments.adapters.repositories import PaymentsUnitOfWork
from services.payments.adapters.tables import BilledClaim, LedgerEntry, LedgerTransaction
from services.payments.application.claim_payment import payment_posting, payment_waiting, post_or_suspend
from services.payments.application.ingest_remittance import ingest_remittance
from services.payments.application.post_remits import post_remits
from services.payments.application.record_billed_claim import record_billed_claim
from services.payments.domain import ledger
from services.payments.settings import Settings
from tests.conftest import service_paused

DOS = date(2026, 11, 2)


@pytest.fixture(scope="module", autouse=True)
def payments_service_paused(infrastructure):
    """A running payments service (the end-to-end tests start one) would send and delete the events these tests
    count in its outbox."""
    with service_paused(infrastructure, "payments"):
        yield


@pytest.fixture(scope="module")
async def units(infrastructure):
    engine = make_engine(Settings(database_url=infrastructure.database_url))
    yield UnitOfWorkFactory(make_session_factory(engine), unit_of_work=PaymentsUnitOfWork)
    await engine.dispose()


async def _billed_claim(units) -> BilledClaim:
    tenant_id, claim_id = uuid.uuid4(), uuid.uuid4()
    submitted = ClaimSubmitted(
        claim_id=str(claim_id), encounter_id=str(uuid.uuid4()), patient_control_number=uuid.uuid4().hex[:20],
        payer_id="AETNA", patient_id="PAT-1", rendering_npi="1234567893", total_charge=Decimal("100.00"),
        interchange_control_number="000000001", submitted_at=datetime.now(timezone.utc),
        lines=[SubmittedLine(line_number=1, procedure_code="99213", units=1, charge=Decimal("100.00"),
                             date_of_service=DOS)])
    async with units() as uow:
        await record_billed_claim(uow, Envelope[ClaimSubmitted](
            event_type="claim.submitted", tenant_id=tenant_id, subject_id=claim_id, payload=submitted))
    async with units() as uow:
        return await uow.session.get(BilledClaim, claim_id)


def _remit(billed: BilledClaim, *, remit_id: str, paid: str = "80.00", sequence: int | None = None) -> RemitReceived:
    contractual = Decimal("100.00") - Decimal(paid)
    return RemitReceived(
        remit_id=remit_id, claim_id=str(billed.claim_id), patient_control_number=billed.patient_control_number,
        payer_id="AETNA", status_code="1", charge=Decimal("100.00"), paid=Decimal(paid),
        patient_responsibility=Decimal("0"), payer_claim_control_number="ICN1", trace_number="T1",
        claim_payment_sequence=sequence,
        service_lines=[RemitServiceLine(procedure_code="99213", charge=Decimal("100.00"), paid=Decimal(paid),
                                        date_of_service=DOS, line_control_number="1",
                                        adjustments=[Adjustment(group_code="CO", reason_code="45",
                                                                amount=contractual)])])


def _envelope(billed: BilledClaim, remit: RemitReceived) -> Envelope[RemitReceived]:
    return Envelope[RemitReceived](event_type="remit.received", tenant_id=billed.tenant_id,
                                   subject_id=billed.claim_id, payload=remit)


async def _postings(units, billed: BilledClaim) -> tuple[int, int, Decimal]:
    async with units() as uow:
        payments = await uow.session.scalar(select(func.count()).select_from(LedgerTransaction).where(
            LedgerTransaction.claim_id == billed.claim_id, LedgerTransaction.kind == "payment"))
        posted = await uow.session.scalar(select(func.count()).select_from(outbox_message).where(
            outbox_message.c.topic == "payment.posted", outbox_message.c.message_key == str(billed.claim_id).encode()))
        balance = await uow.ledger.insurance_balance(billed.claim_id)
    return payments, posted, balance


async def _post(units, event: Envelope[RemitReceived]) -> None:
    async with units() as uow:
        billed = await uow.billed_claims.lock(event.subject_id)
        await post_or_suspend(uow, event.tenant_id, billed, event.payload)


async def test_two_replicas_posting_the_same_remit_post_it_once(units):
    billed = await _billed_claim(units)
    remit = _remit(billed, remit_id=str(uuid.uuid4()), sequence=1)
    # Two deliveries of the same claim payment (a redelivery racing its first delivery on another replica).
    await asyncio.gather(_post(units, _envelope(billed, remit)), _post(units, _envelope(billed, remit)))
    assert await _postings(units, billed) == (1, 1, Decimal("0.00"))


async def test_two_replicas_posting_overlapping_batches_post_each_payment_once(units):
    """Batches lock their receivables in claim id order: two sharing claims queue, the second finds the keys."""
    claims = [await _billed_claim(units) for _ in range(3)]
    remits = [_envelope(b, _remit(b, remit_id=str(uuid.uuid4()), sequence=1)) for b in claims]

    async def post(batch):
        async with units() as uow:
            await post_remits(uow, FakeBatch(batch))

    await asyncio.gather(post(remits), post(list(reversed(remits))), post(remits[1:]))
    for billed in claims:
        assert await _postings(units, billed) == (1, 1, Decimal("0.00"))


async def test_the_unique_index_alone_refuses_a_twin_posting(units):
    """Without the row lock and the early check: the insert itself decides, and the loser is 'already posted'."""
    billed = await _billed_claim(units)
    remit = _remit(billed, remit_id=str(uuid.uuid4()))  # an event from before the CLP position was carried
    first, second = units(), units()
    uow_1, uow_2 = await first.__aenter__(), await second.__aenter__()
    posting = ledger.post_claim_payment(str(billed.claim_id), remit, ledger.charged_lines(billed.lines)).transaction
    await uow_1.ledger.add(payment_posting(billed, remit, posting))
    twin = asyncio.create_task(uow_2.ledger.add(payment_posting(billed, remit, posting)))
    await asyncio.sleep(0.5)
    assert not twin.done(), "the twin insert waits for the first posting's transaction"
    await first.__aexit__(None, None, None)
    with pytest.raises(AlreadyPosted):
        await asyncio.wait_for(twin, 30)
    await second.__aexit__(AlreadyPosted, None, None)
    payments, _, balance = await _postings(units, billed)
    assert (payments, balance) == (1, Decimal("0.00"))


async def test_two_claim_payments_of_one_claim_in_one_835_post_once_each(units):
    billed = await _billed_claim(units)
    remit_id = str(uuid.uuid4())
    split = [_remit(billed, remit_id=remit_id, paid="30.00", sequence=1),
             _remit(billed, remit_id=remit_id, paid="50.00", sequence=2)]
    for remit in split + split:  # each delivered twice
        await _post(units, _envelope(billed, remit))
    payments, posted, _ = await _postings(units, billed)
    assert (payments, posted) == (2, 2)


async def test_provider_level_adjustments_post_so_cash_equals_bpr02(units):
    """An 835 with BPR02 75.00: a claim paid 100.00 and a 25.00 WO recoupment of an earlier claim."""
    from pathlib import Path

    from sqlalchemy import text as sql

    from services.payments.adapters.tables import LedgerEntry

    earlier = await _billed_claim(units)
    x12 = (Path(__file__).resolve().parents[1] / "fixtures" / "x835" / "provider_adjustment.835").read_text()
    x12 = x12.replace("PCN4999OVERPAY", earlier.patient_control_number)
    async with units() as uow:
        row = await ingest_remittance(uow, tenant_id=earlier.tenant_id, x12=x12, source="test")
    async with units() as uow:
        entries = (await uow.session.execute(select(LedgerEntry).join(
            LedgerTransaction, LedgerTransaction.id == LedgerEntry.transaction_id).where(
            LedgerTransaction.remit_id == row.id))).scalars().all()
        recouped = (await uow.session.execute(sql(
            "SELECT count(*) FROM ledger_transaction WHERE remit_id = :r AND claim_id = :c"),
            {"r": row.id, "c": earlier.claim_id})).scalar_one()
    assert [(e.account, e.amount) for e in entries] == [("cash:clearing", Decimal("-25.00")),
                                                        ("ar:insurance", Decimal("25.00"))]
    assert recouped == 1
    # The claim payment itself posts from remit.received (100.00): with it, the file's cash is its BPR02.
    assert Decimal("100.00") + sum(e.amount for e in entries if e.account == "cash:clearing") == row.total_paid


async def _entries(uow, transaction_id) -> list[tuple]:
    rows = await uow.session.execute(select(
        LedgerEntry.tenant_id, LedgerEntry.claim_id, LedgerEntry.patient_id, LedgerEntry.account, LedgerEntry.amount,
        LedgerEntry.line_number, LedgerEntry.memo, LedgerEntry.category)
        .where(LedgerEntry.transaction_id == transaction_id).order_by(LedgerEntry.id))
    return [tuple(row) for row in rows]


def _expected(posting) -> list[tuple]:
    return [(posting.tenant_id, posting.claim_id, posting.patient_id, e.account, e.amount, e.line_number, e.memo,
             e.category) for e in posting.transaction.entries]


async def test_a_batch_of_postings_writes_each_entry_with_its_transactions_claim_in_order(units):
    first, second = await _billed_claim(units), await _billed_claim(units)
    postings = [payment_posting(b, remit, ledger.post_claim_payment(
        str(b.claim_id), remit, ledger.charged_lines(b.lines)).transaction)
        for b, remit in ((first, _remit(first, remit_id=str(uuid.uuid4()), paid="62.37")),
                         (second, _remit(second, remit_id=str(uuid.uuid4()), paid="80.00")))]
    async with units() as uow:
        await uow.ledger.add_many(postings)
    async with units() as uow:
        for posting in postings:
            assert await _entries(uow, posting.id) == _expected(posting)
        balances = (await uow.ledger.state(claim_ids=[first.claim_id, second.claim_id])).balances
        assert {c: (b.insurance, b.patient, b.voided) for c, b in balances.items()} == {
            first.claim_id: (Decimal("0.00"), Decimal("0.00"), False),
            second.claim_id: (Decimal("0.00"), Decimal("0.00"), False)}


async def test_a_posting_whose_key_is_taken_writes_no_entry(units):
    billed = await _billed_claim(units)
    remit = _remit(billed, remit_id=str(uuid.uuid4()), sequence=1)
    transaction = ledger.post_claim_payment(str(billed.claim_id), remit, ledger.charged_lines(billed.lines)).transaction
    async with units() as uow:
        await uow.ledger.add(payment_posting(billed, remit, transaction))
    twin = payment_posting(billed, remit, transaction)
    async with units() as uow:
        with pytest.raises(AlreadyPosted):
            await uow.ledger.add(twin)
        assert await _entries(uow, twin.id) == []
        await uow.session.rollback()
    assert await _postings(units, billed) == (1, 0, Decimal("0.00"))


async def test_a_claim_submitted_batch_knows_the_billed_claims_and_those_awaited_in_suspense(units):
    billed = await _billed_claim(units)
    awaited, unknown = uuid.uuid4(), uuid.uuid4()
    async with units() as uow:
        await uow.suspense.add_many([payment_waiting(billed.tenant_id, _remit(billed, remit_id=str(uuid.uuid4())),
                                                     "no submitted claim matches CLP01", claim_id=awaited)])
    async with units() as uow:
        assert await uow.billed_claims.lock_known({billed.claim_id, awaited, unknown}) == {billed.claim_id, awaited}
