"""The receivables a remittance posts against, locked and read on the transaction's driver: the values and types the
session's `BilledClaim` entities held, a later payer's claim answered by its first claim's row, and a change still
pending on an entity read back as written."""
import uuid
from datetime import date, datetime, timezone
from decimal import Decimal

import pytest
from sqlalchemy import select

from shared.contracts.claim import ClaimSubmitted, SubmittedLine
from shared.contracts.envelope import Envelope
from shared.db.engine import make_engine, make_session_factory
from shared.db.unit_of_work import UnitOfWorkFactory
from services.payments.adapters.repositories import PaymentsUnitOfWork
from services.payments.adapters.tables import BilledClaim
from services.payments.application.record_billed_claim import record_billed_claim
from services.payments.settings import Settings

COLUMNS = [column.name for column in BilledClaim.__table__.c]


@pytest.fixture(scope="module")
async def units(infrastructure):
    engine = make_engine(Settings(database_url=infrastructure.database_url))
    yield UnitOfWorkFactory(make_session_factory(engine), unit_of_work=PaymentsUnitOfWork)
    await engine.dispose()


def _claim(tenant_id: uuid.UUID, *, prior: uuid.UUID | None = None) -> Envelope[ClaimSubmitted]:
    claim_id = uuid.uuid4()
    payload = ClaimSubmitted(
        claim_id=str(claim_id), encounter_id=str(uuid.uuid4()), patient_control_number=uuid.uuid4().hex[:20],
        payer_id="MEDIGAP" if prior else "AETNA", patient_id="PAT-7", rendering_npi="1234567893",
        total_charge=Decimal("130.00"), interchange_control_number="000000001",
        submitted_at=datetime.now(timezone.utc), payer_sequence="S" if prior else "P", payers_after=0 if prior else 1,
        prior_claim_id=str(prior) if prior else None,
        lines=[SubmittedLine(line_number=n, procedure_code=code, units=1, charge=Decimal(charge),
                             date_of_service=date(2026, 11, 2), modifiers=["25"] if n == 1 else [])
               for n, (code, charge) in enumerate((("99213", "100.00"), ("36415", "30.00")), start=1)])
    return Envelope[ClaimSubmitted](event_type="claim.submitted", tenant_id=tenant_id, subject_id=claim_id,
                                    payload=payload)


async def _first_and_later(units) -> tuple[uuid.UUID, uuid.UUID]:
    tenant_id = uuid.uuid4()
    first = _claim(tenant_id)
    later = _claim(tenant_id, prior=first.subject_id)
    async with units() as uow:
        await record_billed_claim(uow, first)
        await record_billed_claim(uow, later)
    return first.subject_id, later.subject_id


def _typed(row) -> list[tuple]:
    return [(name, getattr(row, name), type(getattr(row, name))) for name in COLUMNS]


async def test_the_locked_receivables_answer_what_the_sessions_entities_held(units):
    first, later = await _first_and_later(units)
    unknown = uuid.uuid4()
    async with units() as uow:
        entities = {row.claim_id: row for row in (await uow.session.execute(
            select(BilledClaim).where(BilledClaim.claim_id.in_([first, later])))).scalars()}
        expected = {claim_id: _typed(row) for claim_id, row in entities.items()}
    async with units() as uow:
        receivables, places = await uow.billed_claims.lock_receivables_placed({first, later, unknown})
        placed = await uow.billed_claims.payer_places({first, later, unknown})
    assert set(receivables) == {first, later}
    assert _typed(receivables[first]) == expected[first]
    assert _typed(receivables[later]) == expected[first]  # a later payer's claim posts against the first claim
    assert receivables[first].lines[0]["modifiers"] == ["25"]
    assert places == placed == {first: "P", later: "S"}


async def test_a_change_pending_on_an_entity_is_written_before_the_lock_reads_it(units):
    first, _ = await _first_and_later(units)
    async with units() as uow:
        billed = await uow.billed_claims.lock(first)
        billed.total_charge, billed.payer_id = Decimal("155.00"), "CIGNA"  # as a resubmission changes it
        receivable = await uow.billed_claims.lock_receivable(first)
        assert (receivable.total_charge, receivable.payer_id) == (Decimal("155.00"), "CIGNA")
