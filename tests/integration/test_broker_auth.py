"""The broker of `make run` and the tests: logins required, and each service reaches only its own topics."""
import asyncio
import uuid

import pytest
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient
from aiokafka.errors import (
    CoordinatorLoadInProgressError,
    GroupAuthorizationFailedError,
    GroupCoordinatorNotAvailableError,
    KafkaConnectionError,
    TopicAuthorizationFailedError,
)

from shared.contracts import topics
from shared.kafka.producer import make_producer
from shared.kafka.security import kafka_security
from shared.settings import KafkaSettings


def login(stack, name: str, password: str | None = None) -> dict:
    """The client options of a process logged in as `name`, built the way the services build theirs."""
    settings = KafkaSettings(kafka_bootstrap_servers=stack.kafka.bootstrap, kafka_security_protocol="SASL_PLAINTEXT",
                             kafka_sasl_username=name,
                             kafka_sasl_password=password or stack.secrets["kafka_passwords"][name])
    return kafka_security(settings)


async def _list_topics(bootstrap: str, **options) -> list[str]:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=5000, **options)
    try:
        await admin.start()
        return await admin.list_topics()
    finally:
        await admin.close()


async def _produce(stack, name: str, topic: str, value: bytes) -> int:
    producer = make_producer(stack.kafka.bootstrap, client_id=f"itest-{name}", security=login(stack, name))
    await producer.start()
    try:
        return (await producer.send_and_wait(topic, value=value, key=b"itest")).offset
    finally:
        await producer.stop()


async def test_a_client_without_a_login_is_refused(infrastructure):
    with pytest.raises(KafkaConnectionError):
        await _list_topics(infrastructure.kafka.bootstrap)
    assert topics.CLAIM_CODED in await _list_topics(infrastructure.kafka.bootstrap, **login(infrastructure, "coding"))


async def test_a_wrong_password_is_refused(infrastructure):
    with pytest.raises(KafkaConnectionError):
        await _list_topics(infrastructure.kafka.bootstrap, **login(infrastructure, "coding", "not-the-password"))


async def test_a_service_cannot_write_a_topic_it_does_not_own(infrastructure):
    with pytest.raises(TopicAuthorizationFailedError):
        await _produce(infrastructure, "coding", topics.REMIT_RECEIVED, b"forged remit")


async def test_a_service_writes_the_dead_letters_of_what_it_consumes(infrastructure):
    """Its idempotent producer starts (IDEMPOTENT_WRITE) and the write lands (nobody consumes a DLQ)."""
    marker = f"itest-{uuid.uuid4()}".encode()
    assert await _produce(infrastructure, "coding", topics.dlq(topics.DENIAL_OPENED), marker) >= 0


async def test_a_service_consumes_in_its_own_group_only(infrastructure):
    """Joining another service's group is refused; its own group is checked without joining it (the running
    coding service owns that group), by reading its committed offsets."""
    consumer = AIOKafkaConsumer(topics.ENCOUNTER_DOCUMENTED, bootstrap_servers=infrastructure.kafka.bootstrap,
                                group_id="claims", enable_auto_commit=False, **login(infrastructure, "coding"))
    try:
        with pytest.raises(GroupAuthorizationFailedError):
            await consumer.start()
            await consumer.getmany(timeout_ms=5000)
    finally:
        await consumer.stop()
    admin = AIOKafkaAdminClient(bootstrap_servers=infrastructure.kafka.bootstrap, **login(infrastructure, "coding"))
    await admin.start()
    try:
        await _group_offsets(admin, "coding")
        with pytest.raises(GroupAuthorizationFailedError):
            await _group_offsets(admin, "payments")
    finally:
        await admin.close()


async def _group_offsets(admin: AIOKafkaAdminClient, group: str) -> dict:
    """Committed offsets; on a fresh broker the group coordinator needs a moment to load."""
    for _ in range(30):
        try:
            return await admin.list_consumer_group_offsets(group)
        except (GroupCoordinatorNotAvailableError, CoordinatorLoadInProgressError):
            await asyncio.sleep(1)
    raise AssertionError(f"no coordinator for group {group}")


def test_no_kafka_password_reaches_a_log(infrastructure):
    passwords = list(infrastructure.secrets["kafka_passwords"].values())
    for log in infrastructure.log_dir.glob("*.log"):
        text = log.read_text(errors="replace")
        assert not [p for p in passwords if p in text], f"a Kafka password is in {log.name}"
