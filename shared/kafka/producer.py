"""The one way to build a producer: acks=all and idempotence, so a retried send never duplicates."""
from aiokafka import AIOKafkaProducer


def make_producer(bootstrap_servers: str, *, client_id: str, security: dict | None = None) -> AIOKafkaProducer:
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap_servers,
        **(security or {}),
        client_id=client_id,
        acks="all",
        enable_idempotence=True,
        linger_ms=5,
        max_batch_size=256 * 1024,
        request_timeout_ms=30000,
    )
