"""Where each encounter was when: one timestamp per stage, read from the services' own databases.

All timestamps come from the one Postgres server's clock (`now()` of the transaction that wrote the
row), so differences across services are comparable.
"""
import asyncio
from collections.abc import Iterable

import asyncpg
from sqlalchemy.engine import make_url

from tools.bench.stats import latency_summary, sustained_rate

STAGES = ("received", "coded", "built", "submitted", "acknowledged", "posted")
# Inside built -> submitted, from the claims timeline: the submission's coverage check (its commit) and
# the 837P batch that stored the claim's file; the hand-over is the rest.
SUBMISSION_STEPS = ("built", "verified", "batched", "submitted")

_QUERIES = {
    "gateway": "SELECT id::text, extract(epoch FROM received_at)::float8 FROM encounter_intake "
               "WHERE tenant_id=$1::uuid",
    "coding": "SELECT encounter_id::text, extract(epoch FROM created_at)::float8 FROM coded_encounter "
              "WHERE tenant_id=$1::uuid",
    "claims": "SELECT c.encounter_id::text, c.id::text, extract(epoch FROM c.created_at)::float8, "
              "extract(epoch FROM c.submitted_at)::float8, (SELECT extract(epoch FROM min(e.at))::float8 "
              "FROM claim_event e WHERE e.claim_id = c.id AND e.status = 'accepted'), "
              "(SELECT extract(epoch FROM min(e.at))::float8 FROM claim_event e "
              "WHERE e.claim_id = c.id AND e.event = 'eligibility_verified'), "
              "(SELECT extract(epoch FROM min(e.at))::float8 FROM claim_event e "
              "WHERE e.claim_id = c.id AND e.event = 'batched') "
              "FROM claim c WHERE c.tenant_id=$1::uuid",
    "payments": "SELECT claim_id::text, extract(epoch FROM min(created_at))::float8 FROM ledger_transaction "
                "WHERE tenant_id=$1::uuid AND kind='payment' GROUP BY claim_id",
}


def database_url(server_url: str, service: str) -> str:
    return make_url(server_url).set(database=f"billing_{service}").render_as_string(hide_password=False)


async def _fetch(server_url: str, service: str, tenant_id: str) -> list:
    conn = await asyncpg.connect(database_url(server_url, service))
    try:
        return await conn.fetch(_QUERIES[service], tenant_id)
    finally:
        await conn.close()


async def fetch_timelines(server_url: str, tenant_id: str) -> dict[str, dict[str, float]]:
    """encounter id -> {stage: epoch seconds} for every encounter of the tenant."""
    gateway, coding, claims, payments = await asyncio.gather(
        *(_fetch(server_url, s, tenant_id) for s in ("gateway", "coding", "claims", "payments")))
    return assemble(gateway, coding, claims, payments)


def assemble(gateway: Iterable, coding: Iterable, claims: Iterable, payments: Iterable) -> dict[str, dict[str, float]]:
    timelines: dict[str, dict[str, float]] = {encounter: {"received": at} for encounter, at in gateway}
    for encounter, at in coding:
        timelines.setdefault(encounter, {})["coded"] = at
    posted = dict(payments)
    for encounter, claim_id, built, submitted, acknowledged, verified, batched in claims:
        stages = {"built": built, "verified": verified, "batched": batched, "submitted": submitted,
                  "acknowledged": acknowledged, "posted": posted.get(claim_id)}
        timelines.setdefault(encounter, {}).update({k: v for k, v in stages.items() if v is not None})
    return timelines


def stage_latencies(timelines: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
    """p50/p95/p99 of each stage (time since the previous stage), of the submission's steps and of
    encounter -> claim.submitted."""
    spans = {f"{a}->{b}": (a, b) for a, b in zip(STAGES, STAGES[1:])}
    spans |= {f"{a}->{b}": (a, b) for a, b in zip(SUBMISSION_STEPS, SUBMISSION_STEPS[1:])}
    spans["encounter->submitted"] = ("received", "submitted")
    spans["encounter->posted"] = ("received", "posted")
    return {name: latency_summary([(t[b] - t[a]) * 1000 for t in timelines.values() if a in t and b in t])
            for name, (a, b) in spans.items()}


def stage_rates(timelines: dict[str, dict[str, float]]) -> dict[str, float]:
    """Per stage, encounters per second in the steady middle of the run."""
    return {stage: sustained_rate([t[stage] for t in timelines.values() if stage in t]) for stage in STAGES}
