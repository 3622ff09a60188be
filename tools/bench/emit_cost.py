"""What an event costs on its way out and back in, step by step, in this process with no Kafka and no Postgres.

    .venv/bin/python -m tools.bench.emit_cost time [EVENTS]
    .venv/bin/python -m tools.bench.emit_cost profile FILE [EVENTS]
    .venv/bin/python -m tools.bench.emit_cost dump FILE [EVENTS]

EVENTS (10,000 by default; half claim.submitted, half encounter.documented, ids given as UUIDs and as text) are
emitted into a `UnitOfWork` over a fake session with the recording tracer on (`emit`), the outbox rows bound as
the bulk insert binds them (`bind`), the stored headers turned into Kafka headers as the relay does, from their
JSON text as Postgres prints a jsonb value (`relay_headers`), and each record decoded under its consumer span
(`consume`). `time` prints each step's CPU per event (best of 5), `profile` writes a cProfile (CPU clock), `dump`
writes each event's outbox value, key, stored headers and Kafka headers (uuid4 and trace ids seeded, the times
blanked): two runs of one commit give the same file.
"""
import cProfile
import json
import random
import re
import sys
import time
import uuid

_rng = random.Random(7)
uuid.uuid4 = lambda: uuid.UUID(int=_rng.getrandbits(128), version=4)
random.seed(11)  # the recording tracer's span and trace ids

from aiokafka.structs import ConsumerRecord  # noqa: E402
from sqlalchemy.dialects.postgresql import asyncpg  # noqa: E402

from shared.telemetry import consume_span, setup_tracing  # noqa: E402

setup_tracing("emit-cost", otlp_endpoint=None, span_log_dir=None)

from shared.contracts.registry import EVENT_TYPES  # noqa: E402
from shared.db.bulk import _columns_of, _with_defaults  # noqa: E402
from shared.db.separated_texts import unseparated  # noqa: E402
from shared.db.tables import outbox_message  # noqa: E402
from shared.db.unit_of_work import UnitOfWork  # noqa: E402
from shared.kafka.outbox_sending import headers_of  # noqa: E402
from shared.kafka.records import decode  # noqa: E402
from shared.kafka.relay import LEAD_AND_TAKE  # noqa: E402
from tools.bench import consumer_cost as cc  # noqa: E402

# A relay that reads the headers as a jsonb value gets them parsed by the driver's codec (with `json`), counted here.
HEADERS_AS_TEXT = "CAST(o.headers AS text)" in str(LEAD_AND_TAKE)
TIMES = re.compile(r'"(occurred_at|submitted_at)":"[^"]*"')


class _Bind:
    dialect = asyncpg.dialect()


class FakeSession:
    def get_bind(self):
        return _Bind()


class StoredRow:
    """An outbox row as the relay reads it."""

    __slots__ = ("topic", "value", "message_key", "headers")

    def __init__(self, row: dict, headers):
        self.topic, self.value, self.message_key = row["topic"], row["value"], row["message_key"]
        self.headers = headers


class Subscription:
    def __init__(self, event_type: str):
        self.event_type, self.model = event_type, EVENT_TYPES[event_type].model


def payloads(count: int) -> list[tuple]:
    tenant = uuid.UUID(int=1)
    envelopes = cc.submitted_claims(tenant, count // 2) + cc.encounters(tenant, count - count // 2)
    return [(e.payload, str(e.tenant_id) if n % 2 else e.tenant_id, str(e.subject_id) if n % 3 == 0 else e.subject_id)
            for n, e in enumerate(envelopes)]


def emit(items: list[tuple]) -> list[dict]:
    uow = UnitOfWork(FakeSession())
    for payload, tenant_id, subject_id in items:
        uow.emit(payload, tenant_id=tenant_id, subject_id=subject_id)
    (outbox,) = uow.pending_inserts()
    return outbox.rows


def bind(rows: list[dict]) -> dict[str, list]:
    names, rows = _with_defaults(outbox_message, rows)
    return _columns_of(_Bind.dialect, outbox_message, names, rows)


def relay_headers(rows: list[dict], stored: list[str]) -> list[list[tuple[str, bytes]]]:
    as_read = (lambda text: text) if HEADERS_AS_TEXT else json.loads
    return [headers_of(StoredRow(row, as_read(text))) for row, text in zip(rows, stored)]


def consume(rows: list[dict], kafka_headers: list) -> None:
    subscriptions = {topic: Subscription(topic) for topic in ("claim.submitted", "encounter.documented")}
    for offset, (row, headers) in enumerate(zip(rows, kafka_headers)):
        record = ConsumerRecord(topic=row["topic"], partition=0, offset=offset, timestamp=0, timestamp_type=0,
                                key=row["message_key"], value=row["value"], checksum=None, serialized_key_size=0,
                                serialized_value_size=len(row["value"]), headers=headers)
        with consume_span(record, decode(record, subscriptions[record.topic]), "emit-cost"):
            pass


def steps(items: list[tuple]) -> tuple[dict[str, float], dict[str, list], list]:
    spent = {}
    started = time.process_time()
    rows = emit(items)
    spent["emit"], started = time.process_time() - started, time.process_time()
    columns = bind(rows)
    spent["bind"] = time.process_time() - started
    if isinstance(columns["headers"], str):  # bound as one separated text
        columns["headers"] = unseparated(columns["headers"])
    stored = [json.dumps(json.loads(text)) for text in columns["headers"]]  # jsonb's text: ", " and ": "
    started = time.process_time()
    kafka_headers = relay_headers(rows, stored)
    spent["relay_headers"], started = time.process_time() - started, time.process_time()
    consume(rows, kafka_headers)
    spent["consume"] = time.process_time() - started
    return spent, columns, kafka_headers


def main() -> None:
    mode, args = sys.argv[1], sys.argv[2:]
    count = int(args[-1]) if args and args[-1].isdigit() else 10_000
    items = payloads(count)
    if mode == "dump":
        _, columns, kafka_headers = steps(items)
        with open(args[0], "w") as out:
            for n, value in enumerate(columns["value"]):
                envelope = TIMES.sub(r'"\1":""', value.decode())
                out.write(f"{columns['topic'][n]} {columns['message_key'][n]!r} {columns['event_id'][n]}\n"
                          f"{envelope}\n{json.loads(columns['headers'][n])}\n{kafka_headers[n]!r}\n")
        return
    steps(payloads(500))  # warm-up
    if mode == "profile":
        profile = cProfile.Profile(time.process_time)
        profile.enable()
        steps(items)
        profile.disable()
        profile.dump_stats(args[0])
        return
    best: dict[str, float] = {}
    for _ in range(5):
        for step, seconds in steps(items)[0].items():
            best[step] = min(best.get(step, seconds), seconds)
    print(" ".join(f"{step}={seconds / count * 1e6:.1f}us" for step, seconds in best.items()),
          f"total={sum(best.values()) / count * 1e6:.1f}us")


if __name__ == "__main__":
    main()
