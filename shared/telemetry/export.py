"""Where recorded spans go: JSON lines the ops dashboard reads, and an OTLP collector when one is set.

One daemon thread drains the recorder twice a second (the dashboard shows a step moments after it
happened) and hands each batch to the sinks, so encoding and writing never run on the event loop.
"""
import atexit
import logging
import threading
from collections.abc import Callable, Sequence
from pathlib import Path

import orjson
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.util.instrumentation import InstrumentationScope

from shared.telemetry.recorder import RecordedSpan, RecordingTracerProvider

log = logging.getLogger(__name__)

Sink = Callable[[list[RecordedSpan]], None]
WRITE_EVERY_SECONDS = 0.5
OTLP_BATCH = 1024


class SpanWriter:
    def __init__(self, provider: RecordingTracerProvider, sinks: Sequence[Sink],
                 every_seconds: float = WRITE_EVERY_SECONDS):
        self._provider = provider
        self._sinks = list(sinks)
        self._every = every_seconds
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, name="span-writer", daemon=True)
        self._thread.start()
        atexit.register(self.shutdown)  # spans of the last half second are written when the process exits

    def _run(self) -> None:
        while not self._stopped.wait(self._every):
            self.flush()

    def flush(self) -> None:
        with self._lock:
            spans = self._provider.drain()
            if not spans:
                return
            for sink in self._sinks:
                try:
                    sink(spans)
                except Exception as exc:  # noqa: BLE001 - a failing sink must not stop the others or the thread
                    log.warning("span sink %s failed: %s", type(sink).__name__, type(exc).__name__)

    def shutdown(self) -> None:
        self._stopped.set()
        self._thread.join(timeout=5)
        self.flush()


class JsonLinesSink:
    """Appends spans to <dir>/<service>.spans.jsonl: cheap, durable, readable by the dashboard."""

    def __init__(self, directory: str, service: str):
        Path(directory).mkdir(parents=True, exist_ok=True)
        self._path = Path(directory) / f"{service}.spans.jsonl"
        self._service = service

    def __call__(self, spans: list[RecordedSpan]) -> None:
        lines = b"".join(orjson.dumps(span_record(span, self._service), default=str,
                                      option=orjson.OPT_APPEND_NEWLINE) for span in spans)
        with open(self._path, "ab") as out:
            out.write(lines)


def span_record(span: RecordedSpan, service: str) -> dict:
    context, parent = span.context, span.parent
    return {
        "trace_id": f"{context.trace_id:032x}",
        "span_id": f"{context.span_id:016x}",
        "parent_id": f"{parent.span_id:016x}" if parent else None,
        "name": span.name,
        "service": service,
        "kind": span.kind.name,
        "start_ns": span.start_ns,
        "end_ns": span.end_ns,
        "status": span.status.status_code.name,
        "attributes": span.attributes,
        "links": [f"{link.context.trace_id:032x}" for link in span.links],
    }


class OtlpSink:
    """The spans as the SDK's OTLP/HTTP exporter takes them, in batches of at most `OTLP_BATCH`."""

    def __init__(self, endpoint: str, resource: Resource):
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

        self._exporter = OTLPSpanExporter(endpoint=f"{endpoint.rstrip('/')}/v1/traces")
        self._resource = resource
        self._scope = InstrumentationScope("billing.platform")

    def __call__(self, spans: list[RecordedSpan]) -> None:
        from opentelemetry.sdk.trace import ReadableSpan

        readable = [ReadableSpan(span.name, span.context, span.parent, self._resource,
                                 {key: attribute_value(value) for key, value in span.attributes.items()},
                                 links=span.links, kind=span.kind, status=span.status, start_time=span.start_ns,
                                 end_time=span.end_ns, instrumentation_scope=self._scope) for span in spans]
        for start in range(0, len(readable), OTLP_BATCH):
            self._exporter.export(readable[start:start + OTLP_BATCH])


def attribute_value(value):
    """A value OTLP can carry: str, bool, int, float or a sequence of them; anything else as its text."""
    if isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return tuple(v if isinstance(v, (str, bool, int, float)) else str(v) for v in value)
    return str(value)
