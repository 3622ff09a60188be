"""Create the platform's topics (and their DLQs) once; safe to run again."""
import asyncio
import logging

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaConnectionError, TopicAlreadyExistsError

from shared.contracts.topics import all_topics_with_dlq

log = logging.getLogger(__name__)

TOPIC_PARTITIONS = 6
TOPIC_CONFIG = {"min.insync.replicas": "1", "retention.ms": str(7 * 24 * 3600 * 1000)}


async def ensure_topics(bootstrap_servers: str, *, partitions: int = TOPIC_PARTITIONS, replication: int = 1,
                        security: dict | None = None) -> list[str]:
    """Returns the topics it created; existing ones are left as they are."""
    admin = await _connected_admin(bootstrap_servers, security=security)
    try:
        existing = set(await admin.list_topics())
        wanted = [t for t in all_topics_with_dlq() if t not in existing]
        if wanted:
            try:
                await admin.create_topics(
                    [NewTopic(t, partitions, replication, topic_configs=TOPIC_CONFIG) for t in wanted]
                )
            except TopicAlreadyExistsError:
                pass
        return wanted
    finally:
        await admin.close()


async def _connected_admin(bootstrap_servers: str, attempts: int = 60, security: dict | None = None) -> AIOKafkaAdminClient:
    for attempt in range(attempts):
        admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap_servers, **(security or {}))
        try:
            await admin.start()
            return admin
        except KafkaConnectionError:
            await admin.close()
            log.info("kafka not reachable yet (attempt %d)", attempt + 1)
            await asyncio.sleep(1)
    raise RuntimeError(f"Kafka at {bootstrap_servers} did not answer")


if __name__ == "__main__":
    import sys

    created = asyncio.run(ensure_topics(sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:9092"))
    print(f"created {len(created)} topics")
