"""Webhook endpoints and the deliveries a consumer batch makes: the use cases over the in-memory unit of work."""
import uuid

import pytest

from shared.contracts.envelope import Envelope
from shared.contracts.payment import PaymentPosted
from shared.testing.fake_batch import FakeBatch
from services.gateway.webhooks import store
from tests.unit.gateway.fakes import FakeGatewayUnitOfWork
from tests.unit.gateway.test_webhook_rules import POSTED

pytestmark = pytest.mark.unit
TENANT, OTHER, KEY = uuid.uuid4(), uuid.uuid4(), uuid.uuid4()


def posted(tenant_id: uuid.UUID = TENANT) -> Envelope:
    payload = PaymentPosted.model_validate({**POSTED, "claim_id": str(uuid.uuid4()), "remit_id": str(uuid.uuid4())})
    return Envelope(event_type="payment.posted", tenant_id=tenant_id, subject_id=uuid.uuid4(), payload=payload)


async def endpoint(uow, events: list[str], tenant_id: uuid.UUID = TENANT):
    return await store.register(uow, tenant_id=tenant_id, key_id=KEY, url="https://example.test/hook", events=events)


async def test_a_registered_endpoint_has_its_own_secret_and_its_events_once():
    uow = FakeGatewayUnitOfWork()
    first, second = await endpoint(uow, ["claim.paid", "claim.denied", "claim.paid"]), await endpoint(uow, ["claim.paid"])
    assert first.events == ["claim.denied", "claim.paid"]
    assert first.secret.startswith("whsec_") and first.secret != second.secret


async def test_a_batch_is_delivered_to_each_listening_endpoint_of_its_tenant_once():
    uow = FakeGatewayUnitOfWork()
    paid, _denied_only, theirs = (await endpoint(uow, ["claim.paid"]), await endpoint(uow, ["claim.denied"]),
                                  await endpoint(uow, ["claim.paid"], tenant_id=OTHER))
    batch = FakeBatch([posted(), posted(), posted(tenant_id=uuid.uuid4())])
    assert await store.enqueue_batch(uow, batch) == 2
    assert [d["endpoint_id"] for d in uow.webhooks.deliveries] == [paid.id, paid.id]
    await store.enqueue_batch(uow, batch)  # redelivered by the broker: no second delivery of an event
    assert len(uow.webhooks.deliveries) == 2 and theirs.id not in {d["endpoint_id"] for d in uow.webhooks.deliveries}


async def test_a_deleted_endpoint_is_no_longer_listed_nor_delivered_to_and_another_tenant_cannot_delete_it():
    uow = FakeGatewayUnitOfWork()
    hook = await endpoint(uow, ["claim.paid"])
    assert await store.disable(uow, tenant_id=OTHER, endpoint_id=hook.id) is None
    assert (await store.disable(uow, tenant_id=TENANT, endpoint_id=hook.id)).disabled_at == uow.now()
    assert await store.endpoints(uow, tenant_id=TENANT) == []
    assert await store.enqueue_batch(uow, FakeBatch([posted()])) == 0
