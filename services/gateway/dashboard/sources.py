"""Where the dashboard's figures come from: the services' /metrics and internal reports, Kafka's
offsets for the dead-letter topics, and the span files. Every source may be down: it says so."""
import asyncio
import logging
import time

from aiokafka import AIOKafkaConsumer
from prometheus_client import generate_latest

from shared import metrics
from shared.contracts.topics import ALL_TOPICS, dlq
from shared.http.problems import Problem
from shared.internal_auth import Caller
from shared.kafka.dlq_admin import partitions_of
from shared.kafka.security import kafka_security
from shared.settings import KafkaSettings

log = logging.getLogger(__name__)
REPORTS = {"coding": "/internal/reports/coding", "claims": "/internal/reports/claims",
           "payments": "/internal/reports/payments", "denials": "/internal/reports/denials"}
DLQ_TOPICS = tuple(dlq(t) for t in ALL_TOPICS)


async def metrics_texts(app, caller: Caller) -> tuple[dict[str, str], list[str]]:
    """Prometheus text per service (the gateway's own in-process), and the services that did not answer."""
    texts, down = {"gateway": generate_latest().decode()}, []

    async def scrape(name: str, upstream) -> None:
        try:
            response = await upstream.request("GET", "/metrics", caller)
            if response.status_code != 200:
                raise RuntimeError(f"metrics answered {response.status_code}")
            texts[name] = response.text
        except Exception as exc:  # noqa: BLE001 - a service that is down is a fact to show, not an error
            log.warning("metrics of %s unavailable: %s", name, type(exc).__name__)
            down.append(name)

    await asyncio.gather(*(scrape(n, u) for n, u in app.state.upstreams.items()))
    return texts, sorted(down)


async def reports(app, caller: Caller, *, all_tenants: bool) -> tuple[dict[str, dict], list[str]]:
    figures, down = {}, []

    async def fetch(name: str, path: str) -> None:
        try:
            response = await app.state.upstreams[name].request("GET", path, caller,
                                                               params={"all_tenants": str(all_tenants).lower()})
        except Problem:
            down.append(name)
            return
        if response.status_code != 200:
            down.append(name)
            return
        figures[name] = response.json()

    await asyncio.gather(*(fetch(n, p) for n, p in REPORTS.items()))
    return figures, sorted(down)


class DlqDepths:
    """Messages held per dead-letter topic (end minus beginning offsets), cached for a few seconds."""

    def __init__(self, kafka: KafkaSettings, ttl: float = 5.0):
        self._kafka, self._ttl = kafka, ttl
        self._cached: tuple[float, dict[str, int]] | None = None
        self._lock = asyncio.Lock()

    async def get(self) -> dict[str, int]:
        async with self._lock:
            if self._cached and time.monotonic() - self._cached[0] < self._ttl:
                return self._cached[1]
            depths = await self._measure()
            for topic, depth in depths.items():
                metrics.DLQ_MESSAGES.labels(topic).set(depth)
            self._cached = (time.monotonic(), depths)
            return depths

    async def _measure(self) -> dict[str, int]:
        consumer = AIOKafkaConsumer(bootstrap_servers=self._kafka.kafka_bootstrap_servers,
                                    **kafka_security(self._kafka), enable_auto_commit=False)
        await consumer.start()
        try:
            partitions = [tp for topic in DLQ_TOPICS for tp in await partitions_of(consumer, topic)]
            start, end = await asyncio.gather(consumer.beginning_offsets(partitions), consumer.end_offsets(partitions))
            return {topic: sum(end[tp] - start[tp] for tp in partitions if tp.topic == topic) for topic in DLQ_TOPICS}
        finally:
            await consumer.stop()
