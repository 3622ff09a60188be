"""OpenTelemetry setup and the spans the plumbing makes. Attributes are ids and names only, never PHI.

With OTEL_EXPORTER_OTLP_ENDPOINT set, spans go to the collector; with SPAN_LOG_DIR set (the embedded
default), each service appends finished spans as JSON lines there, so the ops dashboard can show a
claim's pipeline without any extra server.
"""
import contextlib
import os
import re
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import httpx
import orjson
from opentelemetry import context as otel_context, propagate, trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import ReadableSpan, TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor, SpanExporter, SpanExportResult
from opentelemetry.trace import Link, SpanKind

_tracer = trace.get_tracer("billing.platform")


class JsonLinesSpanExporter(SpanExporter):
    """Appends spans to <dir>/<service>.spans.jsonl; cheap, durable, readable by the dashboard."""

    def __init__(self, directory: str, service: str):
        Path(directory).mkdir(parents=True, exist_ok=True)
        self._path = Path(directory) / f"{service}.spans.jsonl"
        self._lock = threading.Lock()

    def export(self, spans: Sequence[ReadableSpan]) -> SpanExportResult:
        lines = [orjson.dumps(_span_record(s)) + b"\n" for s in spans]
        with self._lock, open(self._path, "ab") as out:
            out.writelines(lines)
        return SpanExportResult.SUCCESS

    def shutdown(self) -> None:
        pass


def _span_record(span: ReadableSpan) -> dict:
    ctx = span.get_span_context()
    return {
        "trace_id": format(ctx.trace_id, "032x"),
        "span_id": format(ctx.span_id, "016x"),
        "parent_id": format(span.parent.span_id, "016x") if span.parent else None,
        "name": span.name,
        "service": span.resource.attributes.get("service.name"),
        "kind": span.kind.name,
        "start_ns": span.start_time,
        "end_ns": span.end_time,
        "status": span.status.status_code.name,
        "attributes": dict(span.attributes or {}),
        "links": [format(link.context.trace_id, "032x") for link in span.links],
    }


def setup_tracing(service: str, *, otlp_endpoint: str | None, span_log_dir: str | None) -> TracerProvider:
    provider = TracerProvider(resource=Resource.create({"service.name": service, "service.instance.id": str(os.getpid())}))
    if otlp_endpoint:
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=f"{otlp_endpoint.rstrip('/')}/v1/traces")))
    if span_log_dir:
        # Written every half second, so the dashboard shows a step moments after it happened.
        provider.add_span_processor(BatchSpanProcessor(JsonLinesSpanExporter(span_log_dir, service),
                                                       schedule_delay_millis=500))
    trace.set_tracer_provider(provider)
    return provider


def headers_dict(headers: Sequence[tuple[str, bytes]] | None) -> dict[str, str]:
    return {k: v.decode(errors="replace") for k, v in (headers or ()) if k in ("traceparent", "tracestate")}


@contextlib.contextmanager
def consume_span(record, envelope, group_id: str) -> Iterator[trace.Span]:
    """A CONSUMER span, child of the producer's context carried in the Kafka headers."""
    parent = propagate.extract(headers_dict(record.headers))
    with start_span(
        f"{record.topic} process",
        context=parent,
        kind=SpanKind.CONSUMER,
        attributes={
            "messaging.system": "kafka",
            "messaging.destination.name": record.topic,
            "messaging.consumer.group.name": group_id,
            "messaging.kafka.partition": record.partition,
            "messaging.kafka.offset": record.offset,
            "messaging.message.id": str(envelope.event_id),
            "billing.tenant_id": str(envelope.tenant_id),
            "billing.subject_id": str(envelope.subject_id),
        },
    ) as span:
        yield span


@contextlib.contextmanager
def start_span(name: str, *, kind: SpanKind = SpanKind.INTERNAL, attributes: dict | None = None,
               links: Sequence[Link] = (), context=None) -> Iterator[trace.Span]:
    """A span whose failure records the exception type only: exception messages may quote PHI."""
    with _tracer.start_as_current_span(name, context=context, kind=kind, attributes=attributes or {},
                                       links=list(links), record_exception=False,
                                       set_status_on_exception=False) as span:
        try:
            yield span
        except BaseException as exc:
            span.set_status(trace.Status(trace.StatusCode.ERROR, type(exc).__name__))
            span.set_attribute("error.type", type(exc).__name__)
            raise


def inject_headers(headers: dict[str, str] | None = None) -> dict[str, str]:
    headers = dict(headers or {})
    propagate.inject(headers)
    return headers


def current_traceparent() -> str | None:
    """The active span's W3C traceparent, to store with a row whose later work joins this trace.

    Formatted here from the span's context, as the W3C propagator writes it: going through
    `propagate.inject` (every configured propagator, a carrier dict) cost more than the rest of a
    request's tracing on the intake path, which asks for it for every encounter."""
    context = trace.get_current_span().get_span_context()
    if not context.is_valid:
        return None
    return f"00-{context.trace_id:032x}-{context.span_id:016x}-{context.trace_flags:02x}"


def continue_trace(traceparent: str | None, name: str, **attributes):
    """A span that continues the trace a stored traceparent names (a new trace if there is none)."""
    parent = propagate.extract({"traceparent": traceparent}) if traceparent else None
    return start_span(name, context=parent, attributes=attributes)


@contextlib.contextmanager
def within_trace(traceparent: str | None) -> Iterator[None]:
    """Work done now joins the trace a stored traceparent names, without a span of its own (e.g. one
    request's event written by a batch that serves many requests)."""
    if not traceparent:
        yield
        return
    token = otel_context.attach(propagate.extract({"traceparent": traceparent}))
    try:
        yield
    finally:
        otel_context.detach(token)


@contextlib.contextmanager
def batch_span(name: str, traceparents: Sequence[str | None], **attributes) -> Iterator[trace.Span]:
    """One span for work done for many requests at once: in the first one's trace and linked to the
    others', so every request's trace shows the shared work (its database statements among them)."""
    known = list(dict.fromkeys(t for t in traceparents if t))
    parent = propagate.extract({"traceparent": known[0]}) if known else None
    links = [Link(context, {"billing.link": "batch"}) for t in known[1:]
             if (context := trace.get_current_span(propagate.extract({"traceparent": t})).get_span_context()).is_valid]
    with start_span(name, context=parent, links=links, attributes={"billing.batch_size": len(traceparents),
                                                                   **attributes}) as span:
        yield span


def link_to_trace(traceparent: str | None) -> None:
    """Links the active span to another trace (e.g. a remittance's span to its claim's trace)."""
    if not traceparent:
        return
    linked = trace.get_current_span(propagate.extract({"traceparent": traceparent})).get_span_context()
    if linked.is_valid:
        trace.get_current_span().add_link(linked, {"billing.link": "claim"})


def annotate(**attributes) -> None:
    """Adds ids and codes (never PHI) to the active span: where and why a step ended as it did."""
    trace.get_current_span().set_attributes(attributes)


def producer_headers(topic: str, **attributes) -> dict[str, str]:
    """A PRODUCER span for one event written to the outbox; its context travels in the Kafka headers."""
    with _tracer.start_as_current_span(f"{topic} publish", kind=SpanKind.PRODUCER, attributes={
            "messaging.system": "kafka", "messaging.destination.name": topic, **attributes}):
        return inject_headers()


def instrument_engine(engine) -> None:
    """CLIENT spans for the SQL run inside a request or an event: the operation only, never parameters."""
    from sqlalchemy import event

    sync_engine = engine.sync_engine

    @event.listens_for(sync_engine, "before_cursor_execute")
    def _start(conn, cursor, statement, parameters, context, executemany):
        if context is None or not trace.get_current_span().get_span_context().is_valid:
            return  # background polling (relay, loops) outside any request or event: no lone root spans
        operation = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else "SQL"
        context._otel_span = _tracer.start_span(f"db {operation}", kind=SpanKind.CLIENT,
                                                attributes=_db_attributes(operation, bool(executemany)))

    @event.listens_for(sync_engine, "after_cursor_execute")
    def _end(conn, cursor, statement, parameters, context, executemany):
        span = getattr(context, "_otel_span", None)
        if span is not None:
            span.end()
            context._otel_span = None

    @event.listens_for(sync_engine, "handle_error")
    def _error(exception_context):
        span = getattr(exception_context.execution_context, "_otel_span", None)
        if span is not None:
            span.set_status(trace.Status(trace.StatusCode.ERROR, type(exception_context.original_exception).__name__))
            span.end()
            exception_context.execution_context._otel_span = None


def _db_attributes(operation: str, batch: bool) -> dict:
    return {"db.system.name": "postgresql", "db.operation.name": operation, "db.batch": batch}


def db_span(operation: str):
    """The CLIENT span of a statement run on the driver's connection, where the engine's hooks do not see it."""
    return start_span(f"db {operation}", kind=SpanKind.CLIENT, attributes=_db_attributes(operation, False))


_ROUTE_WORD = re.compile(r"^(?:[a-z][a-z_-]*|v\d+|\d{3})$")


def path_template(path: str) -> str:
    """The path with every id-like segment as {id}: a URL can carry a patient id (/patients/{mrn}/balance),
    and span attributes must not hold PHI. Route words (lower-case letters) and X12 set ids (837, 835) stay."""
    return "/".join(segment if not segment or _ROUTE_WORD.match(segment) else "{id}" for segment in path.split("/"))


def http_client_span(method: str, host: str, port: int, path: str):
    """A CLIENT span for one HTTP call; `answered(span, status)` records its answer."""
    return start_span(f"{method} {host}", kind=SpanKind.CLIENT, attributes={
        "http.request.method": method, "server.address": host, "server.port": port,
        "url.template": path_template(path)})


def answered(span: trace.Span, status: int) -> None:
    span.set_attribute("http.response.status_code", status)
    if status >= 500:
        span.set_status(trace.Status(trace.StatusCode.ERROR))


class TracedTransport(httpx.AsyncBaseTransport):
    """An httpx transport wrapper: a CLIENT span per call, with the traceparent injected."""

    def __init__(self, inner):
        self._inner = inner

    async def handle_async_request(self, request):
        url = request.url
        with http_client_span(request.method, url.host or "", url.port or 0, url.path) as span:
            propagate.inject(request.headers)
            response = await self._inner.handle_async_request(request)
            answered(span, response.status_code)
            return response

    async def aclose(self) -> None:
        await self._inner.aclose()
