"""What the run watches: each service's /health and each consumer group's lag on the broker."""
import asyncio

import httpx
from aiokafka import AIOKafkaConsumer
from aiokafka.admin import AIOKafkaAdminClient

from shared.settings import KafkaSettings
from shared.kafka.dlq_admin import partitions_of
from tools.chaos.schedule import SERVICES
from shared.kafka.security import client_options


async def healthy(ports, names=SERVICES) -> bool:
    async with httpx.AsyncClient(timeout=2) as client:
        for name in names:
            try:
                if (await client.get(f"{ports.url(name)}/health")).status_code != 200:
                    return False
            except httpx.HTTPError:
                return False
    return True


async def group_lags(kafka: KafkaSettings, groups=SERVICES) -> dict[str, int]:
    """Uncommitted messages per group over every partition of the topics it has committed on."""
    admin = AIOKafkaAdminClient(**client_options(kafka), request_timeout_ms=5000)
    consumer = AIOKafkaConsumer(**client_options(kafka), request_timeout_ms=5000)
    await admin.start()
    try:
        await consumer.start()
        lags = {}
        for group in groups:
            committed = await admin.list_consumer_group_offsets(group)
            topics = sorted({tp.topic for tp in committed})
            partitions = [tp for t in topics for tp in await partitions_of(consumer, t)]
            end = await consumer.end_offsets(partitions) if partitions else {}
            lags[group] = sum(end[tp] - (committed[tp].offset if tp in committed else 0) for tp in partitions)
        return lags
    finally:
        await consumer.stop()
        await admin.close()


async def lags_or_none(kafka: KafkaSettings, groups=SERVICES) -> dict[str, int] | None:
    """None while the broker does not answer (it is one of the things we restart)."""
    try:
        return await asyncio.wait_for(group_lags(kafka, groups), 15)
    except Exception:  # noqa: BLE001 - an unreachable broker is an expected state here, not an error
        return None
