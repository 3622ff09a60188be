"""Kafka hops per encounter, counted from the running topology: the deliveries (messages consumed
and committed by a consumer group) the services' groups made while the encounters went through."""
import asyncio

from aiokafka.admin import AIOKafkaAdminClient

from tools.devstack.topology import PLATFORM_SERVICES
from shared.settings import KafkaSettings
from shared.kafka.security import client_options


async def committed(kafka: KafkaSettings) -> dict[str, int]:
    """'group topic' -> committed offsets summed over partitions, for the services' groups."""
    admin = AIOKafkaAdminClient(**client_options(kafka))
    await admin.start()
    try:
        totals: dict[str, int] = {}
        for group in PLATFORM_SERVICES:
            for partition, meta in (await admin.list_consumer_group_offsets(group)).items():
                if not partition.topic.endswith(".dlq") and meta.offset >= 0:
                    key = f"{group} {partition.topic}"
                    totals[key] = totals.get(key, 0) + meta.offset
        return totals
    finally:
        await admin.close()


async def settled(kafka: KafkaSettings, timeout: float = 20) -> dict[str, int]:
    """Committed offsets once they stop moving: a group commits after its batch's transaction, so
    the last deliveries of a run (webhooks of payment.posted, say) land a moment after the last payment."""
    previous = await committed(kafka)
    for _ in range(int(timeout)):
        await asyncio.sleep(1)
        current = await committed(kafka)
        if current == previous:
            return current
        previous = current
    return previous


def per_encounter(before: dict[str, int], after: dict[str, int], encounters: int) -> dict[str, float]:
    """Deliveries per encounter by 'group topic', and their sum under 'total'."""
    hops = {key: (after[key] - before.get(key, 0)) / encounters for key in sorted(after)
            if after[key] != before.get(key, 0)}
    return {**hops, "total": sum(hops.values())}
