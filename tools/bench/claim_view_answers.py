"""What GET /v1/claims/{id} answers through the gateway for a fixed set of claims, as text to compare
before and after a change to the claim view's path (the gateway's or the three services' part reads).

    .venv/bin/python -m tools.bench.claim_view_answers OUT_FILE

The gateway runs in this process and claims, payments and denials under uvicorn in a child (as
`get_cost --route gateway` runs them, against its Postgres at BENCH_PORT_BASE + 343). Asked: a paid claim
(postings, no denials), a claim with postings and three denials, a claim with denials only, a claim with
neither, each by its own tenant's key; the paid claim by another tenant's key; an unknown id; a malformed
id; no key. uuid4 and the keys' random bytes are seeded, so two runs of one commit ask for the same ids.
Written per request: the status, the headers but the trace's, and the body, in which the timeline's
instants that the claims service stamped from the clock when a claim was built are blanked (every other
instant is seeded): two runs of one commit write the same file.
"""
import asyncio
import multiprocessing
import random
import re
import secrets
import sys
import uuid
from datetime import datetime, timezone

_rng = random.Random(5)
uuid.uuid4 = lambda: uuid.UUID(int=_rng.getrandbits(128), version=4)
secrets.token_bytes = lambda n=32: _rng.getrandbits(8 * n).to_bytes(n, "big")
from tools.bench import get_cost  # noqa: E402 - after the seeding above
from tools.bench.in_process import run_against_postgres  # noqa: E402

OPENED = datetime(2026, 11, 23, 11, 0, tzinfo=timezone.utc)
HIDDEN_HEADERS = {b"traceparent", b"tracestate", b"date", b"x-request-id"}
CLOCK_STAMPED = re.compile(rb'"at":"(?!2026-11-23T)[^"]*"')  # the seeded instants are all on that day


async def seed_denials(tenant_id: uuid.UUID, claim_id: uuid.UUID, count: int) -> None:
    """`count` open denials of the claim in denials' queue, a claim-level one first, then line-level ones."""
    from tests.unit.denials.builders import open_denial

    app = get_cost.service_app("denials")
    async with app.state.runtime.units_of_work() as uow:
        uow.session.add_all([open_denial(tenant_id, claim_id, n, opened=OPENED) for n in range(count)])
    await app.state.runtime.engine.dispose()


async def answer(app, path: str, headers: list[tuple[bytes, bytes]]) -> str:
    """One GET through the gateway's ASGI stack: status, headers (the trace's left out) and body, as text."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "root_path": "", "query_string": b"",
             "headers": [(b"host", b"answers"), *headers], "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80),
             "state": {}}
    lines: list[str] = [f"GET {path}"]

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        if message["type"] == "http.response.start":
            lines.append(f"status {message['status']}")
            lines.extend(f"header {name.decode()}: {value.decode()}" for name, value in message.get("headers", [])
                         if name.lower() not in HIDDEN_HEADERS)
        elif message["type"] == "http.response.body":
            body = CLOCK_STAMPED.sub(b'"at":"(clock)"', message.get("body", b""))
            lines.append(f"body {body.decode()}")

    await app(scope, receive, send)
    return "\n".join(lines)


async def dump(args) -> list[str]:
    from services.gateway.adapters.upstream import Upstream

    gateway = get_cost.service_app("gateway")
    writer = asyncio.create_task(gateway.state.audit.run(gateway.state.runtime))
    ports = {name: args.port + 1 + i for i, name in enumerate(get_cost.SERVICES)}
    ready = multiprocessing.Event()
    child = multiprocessing.Process(target=get_cost.serve_services, args=(ports, ready), daemon=True)
    try:
        key, tenant_id = await get_cost.gateway_key(gateway)
        other_key, _ = await get_cost.gateway_key(gateway)
        paid = await get_cost.seed_claim(tenant_id)
        paid_denied = await get_cost.seed_claim(tenant_id)
        await seed_denials(tenant_id, paid_denied, 3)
        denied = await get_cost.seed_claim(tenant_id, postings=False)
        await seed_denials(tenant_id, denied, 1)
        bare = await get_cost.seed_claim(tenant_id, postings=False)
        child.start()
        if not ready.wait(60):
            raise RuntimeError("the services did not start")
        settings = gateway.state.settings
        gateway.state.upstreams = {
            name: Upstream(name, f"http://127.0.0.1:{port}", secret=settings.internal_token_secret,
                           timeout=settings.upstream_timeout_seconds) for name, port in ports.items()}
        own, other = [(b"authorization", f"Bearer {key}".encode())], [(b"authorization", f"Bearer {other_key}".encode())]
        asked = [(f"/v1/claims/{paid}", own), (f"/v1/claims/{paid_denied}", own), (f"/v1/claims/{denied}", own),
                 (f"/v1/claims/{bare}", own), (f"/v1/claims/{paid}", other), (f"/v1/claims/{uuid.uuid4()}", own),
                 ("/v1/claims/not-a-claim", own), (f"/v1/claims/{paid}", []), (f"/v1/claims/{str(paid).upper()}", own)]
        answers = [await answer(gateway, path, headers) for path, headers in asked]
        answers += [await answer(gateway, path, headers) for path, headers in asked]  # warm: pools, caches
        with open(args.out, "w") as out:
            out.write("\n".join(answers) + "\n")
        return [f"{len(answers)} answers written to {args.out}"]
    finally:
        for upstream in getattr(gateway.state, "upstreams", {}).values():
            await upstream.close()
        if child.is_alive():
            child.terminate()
            child.join(10)
        gateway.state.runtime.stopping.set()
        writer.cancel()
        await gateway.state.runtime.engine.dispose()


def main() -> None:
    from types import SimpleNamespace

    get_cost.RUN_DIR = get_cost.ROOT / ".run" / "claim-view-answers"
    run_against_postgres(get_cost.RUN_DIR, 343, (*get_cost.SERVICES, "gateway"), dump, SimpleNamespace(out=sys.argv[1]))


if __name__ == "__main__":
    main()
