"""What POST /v1/encounters answers and writes for one fixed input, as text to compare before and after a change.

    .venv/bin/python -m tools.bench.gateway_writes OUT_FILE

Sends a fixed list of requests through the gateway's whole ASGI stack in this process (as `gateway_intake_cost`
does, against its Postgres at BENCH_PORT_BASE + 331): JSON, FHIR R4 and HL7 v2 encounters, a re-sent one,
control characters escaped and raw in JSON and FHIR, a burst of 20 at once (a re-sent external id inside it),
the 401, 403, 413, 415 and 422 answers, an Idempotency-Key's first answer, replay and misuse. uuid4, the
keys' random bytes and the trace ids are seeded and the units of work's clock is fixed, so two runs of one
commit write the same file but for the times Postgres stamps (left out) and the events' `occurred_at` (blanked).
Written: every answer (status, headers, body), then every encounter_intake, outbox_message (value, key, headers)
and audit_log row, in order.
"""
import asyncio
import json
import random
import re
import secrets
import sys
import uuid
from datetime import datetime, timezone

_rng = random.Random(7)
uuid.uuid4 = lambda: uuid.UUID(int=_rng.getrandbits(128), version=4)
secrets.token_bytes = lambda n=32: _rng.getrandbits(8 * n).to_bytes(n, "big")
random.seed(11)
from tools.bench import gateway_intake_cost as cost  # noqa: E402 - after the seeding above
from tools.bench.in_process import asgi_request, run_against_postgres  # noqa: E402

FIXED_NOW = datetime(2026, 12, 6, 1, 0, tzinfo=timezone.utc)
OCCURRED = re.compile(rb'"occurred_at":"[^"]*"')
JSON, FHIR, HL7 = cost.FORMATS["json"], cost.FORMATS["fhir"], cost.FORMATS["hl7"]


def encounter(external_id: str, **changes) -> bytes:
    return json.dumps({**json.loads((cost.INTAKE / "encounter.json").read_text()), "external_id": external_id,
                       **changes}).encode()


def requests(max_body_bytes: int) -> list[tuple[str, str | None, str, bytes, dict]]:
    """(what, key, content type, body, more headers) in the order they are sent."""
    hl7 = (cost.INTAKE / "dft_p03.hl7").read_bytes().replace(b"EHR-2026-000123", b"W-HL7")
    fhir = (cost.INTAKE / "bundle_r4.json").read_bytes()
    return [
        ("json", "push", JSON, encounter("W-1"), {}),
        ("json with charset", "push", JSON + "; charset=utf-8", encounter("W-2"), {}),
        ("re-sent", "push", JSON, encounter("W-1"), {}),
        ("fhir", "push", FHIR, fhir, {}),
        ("hl7", "push", HL7, hl7, {}),
        ("hl7 re-sent", "push", "text/plain", hl7, {}),
        ("415", "push", "application/xml", b"<encounter/>", {}),
        ("422 not an encounter", "push", JSON, b"{}", {}),
        ("422 unknown field", "push", JSON, encounter("W-3", typo=1), {}),
        ("422 not json", "push", JSON, b"{", {}),
        ("422 control character", "push", JSON, encounter("W-4", note="a\u0001b"), {}),
        ("422 nul", "push", JSON, encounter("W-5\x00"), {}),
        ("422 broken hl7", "push", HL7, b"MSH|nothing", {}),
        ("422 broken fhir", "push", FHIR, b'{"resourceType": "Bundle"}', {}),
        ("422 fhir control character", "push", FHIR, fhir.replace(b'"Rivera"', b'"Rivera\\u0007"'), {}),
        ("422 fhir raw del", "push", FHIR, fhir.replace(b'"Rivera"', b'"Rivera\x7f"'), {}),
        ("422 fhir line break in a name", "push", FHIR, fhir.replace(b'"Rivera"', b'"Rivera\\n"'), {}),
        ("json note with line breaks", "push", JSON, encounter("W-9", note="one\r\n\ttwo"), {}),
        ("413", "push", JSON, b" " * (max_body_bytes + 1), {}),
        ("401 no key", None, JSON, encounter("W-6"), {}),
        ("401 unknown key", "unknown", JSON, encounter("W-6"), {}),
        ("401 malformed", "malformed", JSON, encounter("W-6"), {}),
        ("403", "read", JSON, encounter("W-6"), {}),
        ("idempotent first", "push", JSON, encounter("W-7"), {"idempotency-key": "k-1"}),
        ("idempotent replay", "push", JSON, encounter("W-7"), {"idempotency-key": "k-1"}),
        ("idempotent misuse", "push", JSON, encounter("W-8"), {"idempotency-key": "k-1"}),
    ]


async def send(app, keys: dict, request) -> dict:
    what, key, content_type, body, more = request
    headers = [(b"content-type", content_type.encode()), (b"content-length", str(len(body)).encode()),
               *((k.encode(), v.encode()) for k, v in more.items())]
    if key is not None:
        headers.append((b"authorization", f"Bearer {keys.get(key, key)}".encode()))
    status, answer, answer_headers = await asgi_exchange(app, headers, body)
    return {"request": what, "status": status, "headers": answer_headers, "body": answer.decode()}


async def asgi_exchange(app, headers, body) -> tuple[int, bytes, list]:
    """`asgi_request`, keeping the answer's headers as well."""
    sent = []

    async def keep(scope, receive, send):
        async def send_and_keep(message):
            if message["type"] == "http.response.start":
                sent.extend([k.decode(), v.decode()] for k, v in message.get("headers", []))
            await send(message)
        await app(scope, receive, send_and_keep)

    status, answer = await asgi_request(keep, "POST", "/v1/encounters", headers, body)
    return status, answer, sent


async def measure(args) -> list:
    from sqlalchemy import text
    from shared.db.unit_of_work import UnitOfWork
    from shared.telemetry import setup_tracing
    from services.gateway.app import bootstrap
    from services.gateway.settings import Settings
    from services.gateway.application.api_keys import issue_key
    from services.gateway.adapters.credentials import hash_key

    UnitOfWork.now = lambda self: FIXED_NOW
    setup_tracing("gateway-writes", otlp_endpoint=None, span_log_dir=str(cost.RUN_DIR / "spans"))
    settings = Settings()
    app, runtime = bootstrap(settings), cost.runtime_without_kafka(settings)
    app.state.runtime, app.state.upstreams = runtime, {}
    app.state.audit._write._units_of_work.clock = lambda: FIXED_NOW  # the audit writer's own entries
    writers = [asyncio.create_task(getattr(app.state, name).run(runtime))
               for name in ("audit", "intake", "idempotency_reservations", "idempotency_settlements")]
    key = await cost.tenant_key(runtime)
    async with runtime.units_of_work() as uow:
        tenant_id = (await uow.session.execute(text("SELECT tenant_id FROM api_key WHERE key_hash = :h"),
                                               {"h": hash_key(key)})).scalar_one()
        _, reader = await issue_key(uow, tenant_id=tenant_id, scopes=["billing:read"])
    keys = {"push": key, "read": reader, "unknown": "bk_" + "x" * 40, "malformed": "bk_\u00e9"}
    answers = [await send(app, keys, request) for request in requests(settings.max_body_bytes)]
    burst = [("burst", "push", JSON, encounter(f"B-{n % 18}"), {}) for n in range(20)]  # B-0, B-1 twice
    answers += await asyncio.gather(*(send(app, keys, request) for request in burst))
    await asyncio.sleep(0.5)  # the audit writer's last entries
    tables = {}
    async with runtime.engine.connect() as connection:
        for table, query in (
                ("encounter_intake", "SELECT id, tenant_id, external_id, source_format FROM encounter_intake "
                                     "ORDER BY received_at, external_id"),
                ("outbox_message", "SELECT id, event_id, topic, message_key, value, headers::text, parked_at "
                                   "FROM outbox_message ORDER BY id"),
                ("audit_log", "SELECT * FROM audit_log ORDER BY seq")):
            rows = (await connection.execute(text(query))).all()
            tables[table] = [[OCCURRED.sub(b'"occurred_at":"-"', v).decode() if isinstance(v, bytes) else str(v)
                              for v in row] for row in rows]
    runtime.stopping.set()
    for writer in writers:
        writer.cancel()
    await runtime.engine.dispose()
    with open(args.out, "w") as out:
        for answer in answers:
            out.write(json.dumps(answer) + "\n")
        for table, rows in tables.items():
            for row in rows:
                out.write(json.dumps([table, *row]) + "\n")
    return [{"answers": len(answers), **{table: len(rows) for table, rows in tables.items()}}]


def main() -> None:
    import argparse

    run_against_postgres(cost.RUN_DIR, 331, ("gateway",), measure, argparse.Namespace(out=sys.argv[1]))


if __name__ == "__main__":
    main()
