"""The broker on SASL_SSL (deploy/kafka/run_kafka.sh with KAFKA_TLS_DIR): a producer and a consumer, built as
the services build theirs, reach it over TLS when they trust the CA the script made; a client that does not
trust it is refused. (The operator logs in: a super user, so no ACL has to reach the broker first.)"""
import asyncio
import secrets
import shutil
import uuid

import pytest
from aiokafka import AIOKafkaConsumer
from aiokafka.errors import KafkaConnectionError

from shared.contracts import topics
from shared.kafka.producer import make_producer
from shared.kafka.provision import provision
from shared.kafka.security import kafka_security
from shared.settings import KafkaSettings
from tests.conftest import PORT_OFFSET, TEST_RUN_DIR
from tools.devstack.kafka import LocalKafka
from tools.devstack.topology import OPERATOR, Ports

TLS_PORT_SHIFT = 100  # beside the suite's own broker, which stays on SASL_PLAINTEXT


@pytest.fixture(scope="module")
def tls_broker():
    run_dir = TEST_RUN_DIR / "tls-broker"  # its own folder: the suite's broker keeps its CA in kafka-tls
    shutil.rmtree(run_dir, ignore_errors=True)
    passwords = {name: secrets.token_urlsafe(24) for name in ("broker", OPERATOR)}
    broker = LocalKafka(run_dir / "data", Ports.offset(PORT_OFFSET).kafka + TLS_PORT_SHIFT, run_dir / "kafka.log",
                        passwords=passwords, tls_dir=run_dir / "tls")
    broker.start()
    try:
        asyncio.run(provision(settings(broker, OPERATOR, passwords[OPERATOR], ca_file=str(broker.ca_file))))
        yield broker, passwords
    finally:
        broker.stop()


def settings(broker: LocalKafka, user: str, password: str, *, ca_file: str | None,
             protocol: str = "SASL_SSL") -> KafkaSettings:
    """A process's Kafka settings, as the services read theirs from KAFKA_* variables."""
    return KafkaSettings(kafka_bootstrap_servers=broker.bootstrap, kafka_security_protocol=protocol,
                         kafka_sasl_username=user, kafka_sasl_password=password, kafka_ssl_cafile=ca_file)


async def test_a_record_goes_round_trip_over_tls(tls_broker):
    broker, passwords = tls_broker
    operator = kafka_security(settings(broker, OPERATOR, passwords[OPERATOR], ca_file=str(broker.ca_file)))
    marker = f"tls-{uuid.uuid4()}".encode()

    producer = make_producer(broker.bootstrap, client_id="itest-tls", security=operator)
    await producer.start()
    try:
        written = await producer.send_and_wait(topics.CLAIM_CODED, value=marker, key=b"itest")
    finally:
        await producer.stop()

    consumer = AIOKafkaConsumer(bootstrap_servers=broker.bootstrap, group_id=f"itest-tls-{uuid.uuid4()}",
                                enable_auto_commit=False, **operator)
    await consumer.start()
    try:
        consumer.assign([written.topic_partition])
        consumer.seek(written.topic_partition, written.offset)
        batch = await consumer.getmany(written.topic_partition, timeout_ms=20000)
    finally:
        await consumer.stop()
    assert [record.value for record in batch[written.topic_partition]][:1] == [marker]


@pytest.mark.parametrize("protocol", ["SASL_SSL", "SASL_PLAINTEXT"])
async def test_a_client_that_does_not_trust_the_ca_is_refused(tls_broker, protocol):
    """Without the CA file the client checks the broker against the system's CAs, which never signed it;
    a client without TLS at all gets no answer it can read either."""
    broker, passwords = tls_broker
    security = kafka_security(settings(broker, OPERATOR, passwords[OPERATOR], ca_file=None, protocol=protocol))
    producer = make_producer(broker.bootstrap, client_id="itest-tls-untrusting", security=security)
    try:
        with pytest.raises(KafkaConnectionError):
            await producer.start()
    finally:
        await producer.stop()
