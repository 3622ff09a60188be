"""OpenTelemetry setup and the spans the plumbing makes. Attributes are ids and names only, never PHI.

With OTEL_EXPORTER_OTLP_ENDPOINT set, spans go to the collector; with SPAN_LOG_DIR set (the embedded
default), each service appends finished spans as JSON lines there, so the ops dashboard can show a
claim's pipeline without any extra server.
"""
import contextlib
import os
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path

import orjson
from opentelemetry import propagate, trace
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
        provider.add_span_processor(BatchSpanProcessor(JsonLinesSpanExporter(span_log_dir, service)))
    trace.set_tracer_provider(provider)
    return provider


def headers_dict(headers: Sequence[tuple[str, bytes]] | None) -> dict[str, str]:
    return {k: v.decode(errors="replace") for k, v in (headers or ()) if k in ("traceparent", "tracestate")}


@contextlib.contextmanager
def consume_span(record, envelope, group_id: str) -> Iterator[trace.Span]:
    """A CONSUMER span, child of the producer's context carried in the Kafka headers."""
    parent = propagate.extract(headers_dict(record.headers))
    with _tracer.start_as_current_span(
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


def start_span(name: str, *, kind: SpanKind = SpanKind.INTERNAL, attributes: dict | None = None,
               links: Sequence[Link] = (), context=None):
    return _tracer.start_as_current_span(name, context=context, kind=kind, attributes=attributes or {}, links=list(links))


def inject_headers(headers: dict[str, str] | None = None) -> dict[str, str]:
    headers = dict(headers or {})
    propagate.inject(headers)
    return headers


def current_traceparent() -> str | None:
    """The active span's W3C traceparent, to store with a row whose later work joins this trace."""
    return inject_headers().get("traceparent")


def continue_trace(traceparent: str | None, name: str, **attributes):
    """A span that continues the trace a stored traceparent names (a new trace if there is none)."""
    parent = propagate.extract({"traceparent": traceparent}) if traceparent else None
    return start_span(name, context=parent, attributes=attributes)
