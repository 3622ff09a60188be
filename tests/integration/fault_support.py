"""Helpers for the integration tests: real driver exceptions, a failure-injecting wrapper in front of
the real Kafka producer, a database of their own, and fresh topics."""
import uuid

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from pydantic import BaseModel
from sqlalchemy import MetaData, exc as sa_exc
from sqlalchemy.ext.asyncio import AsyncEngine

from shared.contracts.envelope import Envelope
from tests.driver_errors import postgres_error, wrapped
from shared.db.engine import make_engine
from shared.settings import PlatformSettings
from shared.kafka.security import kafka_security
from tests.e2e.kafka_tools import operator


class Ping(BaseModel):
    n: int


class FaultSettings(PlatformSettings):
    service_name = "faults"


async def database_for(settings: PlatformSettings, *metadata: MetaData) -> AsyncEngine:
    """The test's own database on the stack's Postgres, with the tables of `metadata` created."""
    from shared.db.migrate import ensure_database

    await ensure_database(settings.service_database_url())
    engine = make_engine(settings)
    async with engine.begin() as conn:
        for tables in metadata:
            await conn.run_sync(tables.create_all)
    return engine


def wrapped_postgres_error(sqlstate: str) -> sa_exc.DBAPIError:
    """What SQLAlchemy's asyncpg dialect raises for a server error with this SQLSTATE."""
    return wrapped(postgres_error(sqlstate, "FATAL"))


class FlakyProducer:
    """The real producer, except that the first sends to matching topics fail with the given errors:
    raised by `send()` itself or by the future it returns, as aiokafka does."""

    def __init__(self, producer, *, topic_suffix: str, raise_on_send: list[Exception], fail_future: list[Exception]):
        self.real = producer
        self.topic_suffix = topic_suffix
        self.raise_on_send = raise_on_send
        self.fail_future = fail_future
        self.sends = 0

    async def send(self, topic, *args, **kwargs):
        if topic.endswith(self.topic_suffix):
            self.sends += 1
            if self.raise_on_send:
                raise self.raise_on_send.pop(0)
            if self.fail_future:
                failed = self._failed_future(self.fail_future.pop(0))
                return failed
        return await self.real.send(topic, *args, **kwargs)

    @staticmethod
    def _failed_future(error: Exception):
        import asyncio

        future = asyncio.get_running_loop().create_future()
        future.set_exception(error)
        return future

    def __getattr__(self, name):
        return getattr(self.real, name)


async def new_topic(bootstrap: str, *, partitions: int = 3, config: dict | None = None) -> str:
    topic = f"faults.{uuid.uuid4().hex[:8]}"
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, **kafka_security(operator(bootstrap)))
    await admin.start()
    try:
        await admin.create_topics([NewTopic(topic, partitions, 1, topic_configs=config or {}),
                                   NewTopic(topic + ".dlq", partitions, 1)])
    finally:
        await admin.close()
    return topic


def envelope(topic: str, n: int) -> bytes:
    return Envelope[Ping](event_type=topic, tenant_id=uuid.uuid4(), subject_id=uuid.uuid4(),
                          payload=Ping(n=n)).model_dump_json().encode()
