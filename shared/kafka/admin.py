"""Create the platform's topics (and their DLQs) once; safe to run again.

Dead-letter topics keep their messages until someone replays or discards them on purpose: they
are created with unlimited retention, and existing ones are brought to it at every start.
"""
import asyncio
import logging

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.admin.config_resource import ConfigResource, ConfigResourceType
from aiokafka.errors import KafkaConnectionError, TopicAlreadyExistsError

from shared.contracts.topics import all_topics_with_dlq

log = logging.getLogger(__name__)

TOPIC_CONFIG = {"min.insync.replicas": "1", "retention.ms": str(7 * 24 * 3600 * 1000)}
DLQ_RETENTION = {"retention.ms": "-1", "retention.bytes": "-1"}
DLQ_TOPIC_CONFIG = {**TOPIC_CONFIG, **DLQ_RETENTION}
DYNAMIC_TOPIC_CONFIG = 1  # DescribeConfigs config_source: set on the topic itself


def is_dlq(topic: str) -> bool:
    return topic.endswith(".dlq")


def topic_config(topic: str) -> dict[str, str]:
    return DLQ_TOPIC_CONFIG if is_dlq(topic) else TOPIC_CONFIG


async def ensure_topics(bootstrap_servers: str, *, partitions: int, replication: int = 1,
                        security: dict | None = None) -> list[str]:
    """Returns the topics it created; existing ones are left as they are, except that every DLQ's
    retention is made unlimited."""
    admin = await _connected_admin(bootstrap_servers, security=security)
    try:
        topics = all_topics_with_dlq()
        existing = set(await admin.list_topics())
        wanted = [t for t in topics if t not in existing]
        if wanted:
            try:
                await admin.create_topics(
                    [NewTopic(t, partitions, replication, topic_configs=topic_config(t)) for t in wanted]
                )
            except TopicAlreadyExistsError:
                pass
        await keep_dead_letters_forever(admin, [t for t in topics if is_dlq(t) and t in existing])
        return wanted
    finally:
        await admin.close()


async def keep_dead_letters_forever(admin: AIOKafkaAdminClient, topics: list[str]) -> list[str]:
    """Sets retention.ms/bytes = -1 on the DLQs that lack it, keeping their other topic settings
    (AlterConfigs replaces a topic's whole override set). Returns the topics it changed."""
    if not topics:
        return []
    current = await topic_overrides(admin, topics)
    changed = {t: {**current[t], **DLQ_RETENTION} for t in topics if not DLQ_RETENTION.items() <= current[t].items()}
    if changed:
        await admin.alter_configs([ConfigResource(ConfigResourceType.TOPIC, t, configs=c) for t, c in changed.items()])
        log.info("dead-letter topics set to unlimited retention: %s", ", ".join(sorted(changed)))
    return sorted(changed)


async def topic_overrides(admin: AIOKafkaAdminClient, topics: list[str]) -> dict[str, dict[str, str]]:
    """The settings made on each topic itself (not broker defaults)."""
    responses = await admin.describe_configs([ConfigResource(ConfigResourceType.TOPIC, t) for t in topics])
    overrides: dict[str, dict[str, str]] = {t: {} for t in topics}
    for response in responses:
        for _error, _message, _type, name, entries in response.resources:
            overrides[name] = {e[0]: e[1] for e in entries if _is_topic_override(response, e)}
    return overrides


def _is_topic_override(response, entry) -> bool:
    if response.API_VERSION == 0:
        return not entry[3]  # v0 carries is_default
    return entry[3] == DYNAMIC_TOPIC_CONFIG


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

    from shared.settings import KafkaSettings

    created = asyncio.run(ensure_topics(sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1:9092",
                                        partitions=KafkaSettings().kafka_topic_partitions))
    print(f"created {len(created)} topics")
