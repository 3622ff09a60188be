"""What the payments consumer writes for one fixed input, as text to compare before and after a change.

    BENCH_PORT_BASE=27000 .venv/bin/python -m tools.bench.payments_writes OUT_FILE

Runs claim.submitted and then remit.received batches (of 7, 20 and 1; two tenants; plain payments, a
reversal, a denial, a remit naming no known claim, an adjustment whose reason code holds quotes, a backslash
and braces, a redelivery, a second event of a posted payment) through the consumer's batch path (as
`payments_consumer` does) against a fresh Postgres (port BENCH_PORT_BASE + 331), with uuid4 seeded, and
writes every row of every table of the payments database (the ledger's entries in id order, the rest sorted;
a `value` column left out) and every outbox value as text, with each timestamp replaced by `<time>`. Two runs of one commit give the same file.
"""
import asyncio
import os
import random
import re
import sys
import uuid

_rng = random.Random(7)
uuid.uuid4 = lambda: uuid.UUID(int=_rng.getrandbits(128), version=4)

from decimal import Decimal  # noqa: E402

from sqlalchemy import text  # noqa: E402

from services.payments.entrypoints.consumers import build_router  # noqa: E402
from services.payments.settings import Settings  # noqa: E402
from shared.contracts.common import Adjustment  # noqa: E402
from shared.db.engine import make_engine, make_session_factory  # noqa: E402
from shared.kafka.consumer import ConsumerRunner  # noqa: E402
from tools.bench.payments_consumer import ROOT, _parsed, _remit, _submitted, _units  # noqa: E402
from tools.bench.in_process import start_postgres  # noqa: E402

RUN_DIR = ROOT / ".run" / "payments-writes"
TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d(:\d\d)?|Z)?")
TABLES = ("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
          "AND table_type = 'BASE TABLE' AND table_name <> 'alembic_version' ORDER BY 1")


def _payload(event, **changes):
    return event.model_copy(update={"payload": event.payload.model_copy(update=changes)})


def _remits(claims: list) -> list:
    remit_id = str(uuid.uuid4())
    remits = [_remit(c, remit_id, n) for n, c in enumerate(claims, start=1)]
    odd = remits[2].payload.service_lines[0]
    odd_adjustment = Adjustment(group_code="OA", reason_code='"\\{,}', amount=Decimal("1.00"))
    remits[2] = _payload(remits[2], service_lines=[odd.model_copy(update={
        "adjustments": [*odd.adjustments, odd_adjustment]}), *remits[2].payload.service_lines[1:]])
    remits[3] = _payload(remits[3], status_code="4", paid=Decimal("0.00"))  # a denial
    reversal = _payload(_remit(claims[0], str(uuid.uuid4()), 1), status_code="22", paid=Decimal("-90.00"))
    stranger = _payload(_remit(claims[1], remit_id, 99), claim_id=str(uuid.uuid4()),
                        patient_control_number="NOSUCHCLAIM")
    again = remits[5].model_copy(update={"event_id": uuid.uuid4()})  # the same payment, another event
    return [*remits, reversal, stranger, remits[4], again]


async def _feed(runner, topic: str, envelopes: list) -> None:
    for start, size in ((0, 7), (7, 20), (27, 1), (28, len(envelopes))):
        if envelopes[start:start + size]:
            await runner._apply(_parsed(topic, envelopes[start:start + size]))


async def run(url: str, out: str) -> None:
    engine = make_engine(Settings(database_url=url))
    runner = ConsumerRunner(group_id="payments", router=build_router(), bootstrap_servers="127.0.0.1:1",
                            units_of_work=_units(make_session_factory(engine)), producer=None)  # type: ignore[arg-type]
    claims = [_submitted(uuid.UUID(int=1 + i % 2), i) for i in range(36)]
    await _feed(runner, "claim.submitted", claims)
    await _feed(runner, "remit.received", _remits(claims))
    lines = []
    async with engine.connect() as conn:
        for (table,) in (await conn.execute(text(TABLES))).all():
            order = "id" if table == "ledger_entry" else "1"
            rows = (await conn.execute(text(  # the outbox's value (bytea) is written out below, as text
                f"SELECT (to_jsonb(t) - 'value')::text FROM {table} t ORDER BY {order}"))).all()
            lines += sorted(f"{table} {row}" for (row,) in rows) if order == "1" else [f"{table} {r}" for (r,) in rows]
        values = await conn.execute(text("SELECT convert_from(value, 'UTF8') FROM outbox_message ORDER BY id"))
        lines += [f"outbox value {value}" for (value,) in values.all()]
    await engine.dispose()
    with open(out, "w") as f:
        f.writelines(TIMESTAMP.sub("<time>", line) + "\n" for line in lines)


def main() -> None:
    port = int(os.environ.get("BENCH_PORT_BASE", "18000")) + 331
    postgres = start_postgres(RUN_DIR, port, ("payments",))
    try:
        asyncio.run(run(postgres.url, sys.argv[1]))
    finally:
        postgres.stop()

if __name__ == "__main__":
    main()
