"""The one way to build a producer: acks=all and idempotence, so a retried send never duplicates.

acks="1" (leader only, no idempotence; settings' KAFKA_ACKS) exists for one reason: the benchmark's
relaxed run, which prices what durability costs. Settings refuse it in production.
"""
from typing import Literal

from aiokafka import AIOKafkaProducer


def make_producer(bootstrap_servers: str, *, client_id: str, security: dict | None = None,
                  acks: Literal["all", "1"] = "all") -> AIOKafkaProducer:
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
