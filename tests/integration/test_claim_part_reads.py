"""The parts of the gateway's claim view that payments and denials serve (a claim's postings, its
denials) are read in one statement outside a transaction and answered as bytes, unvalidated: those
bytes must be what the routes' response models wrote from the ORM-loaded rows, and a claim of another
tenant must show nothing of it (a 404 from payments, an empty page from denials)."""
import uuid
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from types import SimpleNamespace

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import event, select

from shared.contracts.api.denials import DenialPage
from shared.contracts.api.payments import ClaimPostings
from shared.db.engine import make_engine, make_session_factory
from shared.db.unit_of_work import UnitOfWorkFactory
from shared.http.problems import install_problem_handlers
from shared.internal_auth import HEADER, Caller, issue_token
from services.denials.adapters.repositories import DenialsUnitOfWork
from services.denials.entrypoints.api import router as denials_router
from services.denials.settings import Settings as DenialsSettings
from services.payments.adapters.repositories import PaymentsUnitOfWork
from services.payments.adapters.tables import LedgerEntry, LedgerTransaction
from services.payments.application import ledger_views
from services.payments.entrypoints.api import router as payments_router
from services.payments.settings import Settings as PaymentsSettings
from tests.unit.denials.builders import open_denial

AT = datetime(2026, 11, 23, 10, 0, tzinfo=timezone.utc)


class Service:
    """A service's internal router over its own database, called as ASGI with a tenant's token."""

    def __init__(self, settings, router, unit_of_work):
        self.settings, self.engine = settings, make_engine(settings)
        self.units = UnitOfWorkFactory(make_session_factory(self.engine), unit_of_work=unit_of_work)
        self.app = FastAPI()
        install_problem_handlers(self.app)
        self.app.include_router(router)
        self.app.state.settings = settings
        self.app.state.runtime = SimpleNamespace(engine=self.engine, units_of_work=self.units)
        self.begun: list[object] = []
        event.listen(self.engine.sync_engine, "begin", lambda connection: self.begun.append(connection))

    async def get(self, path: str, tenant_id: uuid.UUID) -> httpx.Response:
        token = issue_token(self.settings.internal_token_secret, Caller(str(tenant_id), str(uuid.uuid4()),
                                                                        ("billing:read",)), ttl_seconds=60)
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app), base_url="http://service") as client:
            return await client.get(path, headers={HEADER: token})


@pytest.fixture(scope="module")
async def payments(infrastructure):
    service = Service(PaymentsSettings(database_url=infrastructure.database_url), payments_router, PaymentsUnitOfWork)
    yield service
    await service.engine.dispose()


@pytest.fixture(scope="module")
async def denials(infrastructure):
    service = Service(DenialsSettings(database_url=infrastructure.database_url), denials_router, DenialsUnitOfWork)
    yield service
    await service.engine.dispose()


def _transaction(tenant_id, claim_id, kind: str, seconds: int, entries: list[tuple]) -> list:
    txn = LedgerTransaction(id=uuid.uuid4(), tenant_id=tenant_id, claim_id=claim_id, kind=kind,
                            remit_id=uuid.uuid4() if kind == "payment" else None,
                            payer_claim_number="627676228882" if kind == "payment" else None,
                            created_at=AT + timedelta(seconds=seconds, microseconds=120000 * (seconds % 2)))
    return [txn, *(LedgerEntry(transaction_id=txn.id, tenant_id=tenant_id, claim_id=claim_id, account=account,
                               amount=Decimal(amount), line_number=line, memo=memo, category=category)
                   for account, amount, line, memo, category in entries)]


async def _posted_claim(units, tenant_id) -> uuid.UUID:
    claim_id = uuid.uuid4()
    posted = [
        _transaction(tenant_id, claim_id, "charge", 0, [
            ("ar:insurance", "147.00", None, None, None), ("revenue:charges", "-147.00", None, None, None)]),
        _transaction(tenant_id, claim_id, "payment", 1, [
            ("cash:clearing", "76.00", None, None, None), ("ar:insurance", "-147.00", None, None, None),
            ("adj:contractual", "43.00", 1, "CO-45", None), ("ar:patient", "18.40", 1, "PR-2", "coinsurance"),
            ("adj:contractual", "9.00", 2, "CO-45", None), ("ar:patient", "0.60", 2, "PR-2", "coinsurance")]),
        _transaction(tenant_id, claim_id, "write_off", 2, []),  # a transaction with no entry
    ]
    async with units() as uow:
        # transactions first, as the ledger writes them: the day figures' trigger dates an entry by its
        # transaction, and the ORM alone (no foreign key) may flush the entries first
        uow.session.add_all([txn for txn, *_ in posted])
        await uow.session.flush()
        uow.session.add_all([entry for _, *entries in posted for entry in entries])
    return claim_id


async def test_a_claims_postings_are_the_bytes_the_model_wrote_from_the_orm_rows(payments):
    tenant_id = uuid.uuid4()
    claim_id = await _posted_claim(payments.units, tenant_id)
    payments.begun.clear()
    answer = await payments.get(f"/internal/claims/{claim_id}/postings", tenant_id)
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    assert payments.begun == []  # one statement, no BEGIN and COMMIT around it
    async with payments.units() as uow:
        txns = (await uow.session.execute(select(LedgerTransaction).where(LedgerTransaction.claim_id == claim_id)
                                          .order_by(LedgerTransaction.created_at))).scalars().all()
        entries = (await uow.session.execute(select(LedgerEntry).where(
            LedgerEntry.transaction_id.in_([t.id for t in txns])).order_by(LedgerEntry.id))).scalars().all()
    as_the_model_wrote = ClaimPostings.model_validate(ledger_views.claim_view(txns, entries)).model_dump_json()
    assert answer.content == as_the_model_wrote.encode()
    view = ClaimPostings.model_validate_json(answer.content)
    assert [p.amount for p in view.payments] == [Decimal("76.00")] and view.balance == Decimal("0.00")
    assert [t.event for t in view.timeline] == ["charge_posted", "payment_posted", "written_off"]
    assert len(view.adjustments) == 4


async def test_another_tenants_claim_has_no_postings(payments):
    claim_id = await _posted_claim(payments.units, uuid.uuid4())
    answer = await payments.get(f"/internal/claims/{claim_id}/postings", uuid.uuid4())
    assert answer.status_code == 404 and answer.headers["content-type"] == "application/problem+json"
    assert answer.json()["title"] == "No postings for this claim"


async def _denied_claim(units, tenant_id, *, denials: int = 2) -> uuid.UUID:
    claim_id = uuid.uuid4()
    async with units() as uow:
        uow.session.add_all([open_denial(tenant_id, claim_id, n, opened=AT) for n in range(denials)])
    return claim_id


async def test_a_claims_denials_are_the_bytes_of_the_queue_filtered_by_claim(denials):
    tenant_id = uuid.uuid4()
    claim_id = await _denied_claim(denials.units, tenant_id, denials=3)
    await _denied_claim(denials.units, tenant_id)  # another claim's denials stay out
    denials.begun.clear()
    answer = await denials.get(f"/internal/claims/{claim_id}/denials", tenant_id)
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    assert denials.begun == []
    through_the_model = await denials.get(f"/internal/denials?claim_id={claim_id}", tenant_id)
    assert answer.content == through_the_model.content
    page = DenialPage.model_validate_json(answer.content)
    assert answer.content == page.model_dump_json().encode()
    assert [d.priority for d in page.items] == [54, 47, 40] and {d.claim_id for d in page.items} == {claim_id}


async def test_the_claims_denials_are_the_queues_first_page(denials):
    tenant_id = uuid.uuid4()
    claim_id = await _denied_claim(denials.units, tenant_id, denials=51)
    answer = await denials.get(f"/internal/claims/{claim_id}/denials", tenant_id)
    through_the_model = await denials.get(f"/internal/denials?claim_id={claim_id}", tenant_id)
    assert answer.content == through_the_model.content
    assert len(answer.json()["items"]) == 50 and answer.json()["next_cursor"]


async def test_another_tenants_claim_has_no_denials(denials):
    claim_id = await _denied_claim(denials.units, uuid.uuid4())
    answer = await denials.get(f"/internal/claims/{claim_id}/denials", uuid.uuid4())
    assert answer.status_code == 200 and answer.json() == {"items": [], "next_cursor": None}
