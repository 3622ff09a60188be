"""The hand-over on the claims database: after the POST, one statement records the clearinghouse's answer on
the file and reads its claims with their lines and payer; claim.submitted must say what the stored claim,
its lines and its payer say, to the type (the charge exact, the day a date, the modifiers in order)."""
import json
import uuid
from decimal import Decimal

import pytest
from sqlalchemy import select

from shared.contracts.claim import ClaimSubmitted
from shared.contracts.envelope import Envelope
from shared.contracts.tenant import TenantRegistered
from shared.db.engine import make_engine, make_session_factory
from shared.db.tables import outbox_message
from shared.db.unit_of_work import UnitOfWorkFactory
from services.claims.adapters.catalog import Catalog
from services.claims.adapters.clearinghouse import DropboxClearinghouse
from services.claims.adapters.repositories import ClaimsUnitOfWork
from services.claims.adapters.tables import Claim, ClaimLine, Interchange, TenantPayer
from services.claims.application.build_claims import create_claim
from services.claims.application.register_tenant import register_tenant
from services.claims.application.send_interchange import send_interchange
from services.claims.application.submit_batch import batch_ready_claims
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


async def _stored_file(units) -> tuple[uuid.UUID, list[uuid.UUID]]:
    """A tenant whose two verified claims (two lines each, one with a modifier) sit in one stored file."""
    tenant_id = uuid.uuid4()
    async with units() as uow:
        await register_tenant(uow, Envelope[TenantRegistered](
            event_type="tenant.registered", tenant_id=tenant_id, subject_id=tenant_id,
            payload=TenantRegistered(tenant_id=str(tenant_id), name="hand-over", billing_provider=BILLING)),
            catalog=CATALOG)
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
    # The file, then its answer with its claims, lines and payer; the claims; their timeline with the outbox.
    assert len(statements) == 4, statements
    assert statements[-1].startswith("WITH t0 AS (INSERT INTO claim_event ") and "INSERT INTO outbox_message" in statements[-1]

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
