"""The ops dashboard: a static page under /ops and the JSON it reads under /ops/api (ops keys only),
plus the tenant-scoped KPIs at GET /v1/reports/kpis (billing read scope)."""
import asyncio
import logging
from pathlib import Path as FilePath
from typing import Annotated
from uuid import UUID

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import FileResponse

from shared.contracts.api.gateway import (
    DeadLetter,
    DeadLetterReplayed,
    DeadLetters,
    Kpis,
    OpsSearch,
    OpsSession,
    PipelineHealth,
)
from shared.http.problems import Problem
from shared.internal_auth import Caller
from shared.kafka import dlq_admin
from services.gateway.dashboard import health, sources, timeline
from services.gateway.dashboard.kpis import compute_kpis
from services.gateway.dashboard.ops_keys import OpsCaller
from services.gateway.entrypoints.auth import ReadCaller

log = logging.getLogger(__name__)
STATIC = FilePath(__file__).parent / "static"
# The page loads only its own script and style: no inline code, no third party, no framing.
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                               "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Cache-Control": "no-store",
}

router = APIRouter(include_in_schema=False)
public = APIRouter(tags=["reports"])
DlqTopic = Annotated[str, Path(pattern=r"^[a-z.]+\.dlq$")]


def _kpis(figures: dict, down: list[str]) -> dict:
    if down:
        raise Problem(503, "A service failed to answer", f"unavailable: {', '.join(down)}", headers={"Retry-After": "5"})
    return compute_kpis(claims=figures["claims"], denials=figures["denials"], payments=figures["payments"])


@public.get("/v1/reports/kpis", response_model=Kpis)
async def tenant_kpis(request: Request, caller: ReadCaller) -> dict:
    """Clean-claim rate, denial rate (by payer, reason and CARC), first-pass resolution, days in A/R and
    net collection rate for the caller's tenant; each with its numerator and denominator."""
    figures, down = await sources.reports(request.app, caller, all_tenants=False)
    return _kpis(figures, down)


@router.get("/ops")
async def page() -> FileResponse:
    return FileResponse(STATIC / "index.html", headers=PAGE_HEADERS)


@router.get("/ops/static/{name}")
async def static(name: Annotated[str, Path(pattern=r"^[a-z]+\.(js|css)$")]) -> FileResponse:
    path = STATIC / name
    if not path.is_file():
        raise Problem(404, "Not found")
    return FileResponse(path, headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache"})


@router.get("/ops/api/session", response_model=OpsSession)
async def session(caller: OpsCaller) -> dict:
    return {"key_id": caller.key_id, "scopes": list(caller.scopes)}


@router.get("/ops/api/health", response_model=PipelineHealth)
async def pipeline_health(request: Request, caller: OpsCaller) -> dict:
    (texts, down), (figures, _), dlq = await asyncio.gather(
        sources.metrics_texts(request.app, caller), sources.reports(request.app, caller, all_tenants=True),
        _dlq_depths(request))
    services = health.services(texts) + [{"service": name, "up": False} for name in down]
    claims_by_status = figures.get("claims", {}).get("by_status", {})
    queues = {
        "coding review (held by edits)": figures.get("coding", {}).get("review_queue"),
        "claims held by scrub edits": claims_by_status.get("held", 0) if "claims" in figures else None,
        "claims rejected by the payer": claims_by_status.get("rejected", 0) if "claims" in figures else None,
        "claims awaiting submission": claims_by_status.get("ready", 0) if "claims" in figures else None,
        "open denials": figures.get("denials", {}).get("open"),
        "unmatched remits (suspense)": figures.get("payments", {}).get("suspense_open"),
    }
    return {"stages": health.stages(texts), "services": services, "dlq": dlq, "queues": queues}


async def _dlq_depths(request: Request) -> dict[str, int] | None:
    state = request.app.state
    if not hasattr(state, "dlq_depths"):
        state.dlq_depths = sources.DlqDepths(state.settings)
    try:
        return await state.dlq_depths.get()
    except Exception as exc:  # noqa: BLE001 - Kafka down shows as unknown depths
        log.warning("dlq depths unavailable: %s", type(exc).__name__)
        return None


@router.get("/ops/api/kpis", response_model=Kpis)
async def all_tenant_kpis(request: Request, caller: OpsCaller) -> dict:
    figures, down = await sources.reports(request.app, caller, all_tenants=True)
    return _kpis(figures, down)


@router.get("/ops/api/search", response_model=OpsSearch)
async def search(request: Request, caller: OpsCaller, id: Annotated[UUID, Query()]) -> dict:
    """An encounter or claim by id: its trace timeline across services, and where and why it stands."""
    found = await asyncio.to_thread(timeline.read_timeline, request.app.state.settings.span_log_dir, str(id))
    found["records"] = await _lookups(request, caller, id)
    return found


async def _lookups(request: Request, caller: Caller, any_id: UUID) -> list[dict]:
    async def lookup(name: str):
        try:
            response = await request.app.state.upstreams[name].request("GET", f"/internal/reports/lookup/{any_id}", caller)
        except Problem:
            return {"service": name, "unavailable": True}
        return response.json() if response.status_code == 200 else None

    return [r for r in await asyncio.gather(lookup("coding"), lookup("claims")) if r]


@router.get("/ops/api/dlq", response_model=DeadLetters)
async def dlq_list(request: Request, caller: OpsCaller) -> dict:
    kafka = request.app.state.settings
    listed = await asyncio.gather(*(dlq_admin.read_all(kafka, t) for t in sources.DLQ_TOPICS))
    return {"items": [{"topic": topic, **dlq_admin.summary(r)} for topic, records in zip(sources.DLQ_TOPICS, listed)
                      for r in records]}


async def _dlq_record(request: Request, topic: str, partition: int, offset: int):
    if topic not in sources.DLQ_TOPICS:
        raise Problem(404, "Unknown dead-letter topic")
    record = await dlq_admin.find_record(request.app.state.settings, topic, partition, offset)
    if record is None:
        raise Problem(404, "No message at that position")
    return record


@router.get("/ops/api/dlq/{topic}/{partition}/{offset}", response_model=DeadLetter)
async def dlq_show(request: Request, caller: OpsCaller, topic: DlqTopic, partition: int, offset: int) -> dict:
    record = await _dlq_record(request, topic, partition, offset)
    log.info("dlq message inspected", extra={"key_id": caller.key_id, "topic": topic, "partition": partition,
                                             "offset": offset})
    return {"topic": topic, **dlq_admin.summary(record), "value": (record.value or b"").decode(errors="replace")}


@router.post("/ops/api/dlq/{topic}/{partition}/{offset}/replay", response_model=DeadLetterReplayed)
async def dlq_replay(request: Request, caller: OpsCaller, topic: DlqTopic, partition: int, offset: int) -> dict:
    await _dlq_record(request, topic, partition, offset)
    target = await dlq_admin.replay(request.app.state.settings, topic, partition, offset)
    log.info("dlq message replayed", extra={"key_id": caller.key_id, "topic": topic, "partition": partition,
                                            "offset": offset, "to": target})
    return {"replayed_to": target, "topic": topic, "partition": partition, "offset": offset}
