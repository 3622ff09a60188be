"""The one way to build a producer: acks=all and idempotence, so a retried send never duplicates.

KAFKA_ACKS=1 (leader only, no idempotence) exists for one reason: the benchmark's relaxed run, which
prices what durability costs. Nothing else sets it.
"""
import os

from aiokafka import AIOKafkaProducer


def make_producer(bootstrap_servers: str, *, client_id: str, security: dict | None = None) -> AIOKafkaProducer:
    acks = os.environ.get("KAFKA_ACKS", "all")
    if acks not in ("all", "1"):
        raise ValueError("KAFKA_ACKS must be 'all' (the default) or '1'")
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap_servers,
        **(security or {}),
        client_id=client_id,
        acks="all" if acks == "all" else 1,
        enable_idempotence=acks == "all",
        linger_ms=5,
        max_batch_size=256 * 1024,
        request_timeout_ms=30000,
    )
