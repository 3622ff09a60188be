"""OpenTelemetry setup and the spans the plumbing makes. Attributes are ids and names only, never PHI.

With OTEL_EXPORTER_OTLP_ENDPOINT set, spans go to the collector; with SPAN_LOG_DIR set (the embedded
default), each service appends finished spans as JSON lines there, so the ops dashboard can show a
claim's pipeline without any extra server.
"""
import contextlib
import os
import re
from collections.abc import Iterator, Sequence

import httpx
from opentelemetry import context as otel_context, trace
from opentelemetry.context import Context
from opentelemetry.trace import Link, NonRecordingSpan, SpanContext, SpanKind

from shared.telemetry.export import JsonLinesSink, OtlpSink, SpanWriter
from shared.telemetry.propagation import NEW_TRACE, remote_context, remote_parent
from shared.telemetry.recorder import RecordingTracer, RecordingTracerProvider

_tracer = trace.get_tracer("billing.platform")
_BATCH_LINK = {"billing.link": "batch"}
_STATEMENTS = otel_context.create_key("billing.db_statements")  # where a batch span collects its SQL kinds


def setup_tracing(service: str, *, otlp_endpoint: str | None, span_log_dir: str | None
                  ) -> trace.TracerProvider | None:
    """Installs the process's tracer: spans recorded by `recorder`, written by one thread to the JSON-lines
    file and/or the collector. OTEL_SDK_DISABLED=true leaves tracing off (what the benchmark's untraced
    run prices); a process that already has a tracer provider keeps it."""
    if os.environ.get("OTEL_SDK_DISABLED", "").strip().lower() == "true":
        return None
    if not isinstance(trace.get_tracer_provider(), trace.ProxyTracerProvider):
        return trace.get_tracer_provider()
    sinks = []
    if span_log_dir:
        sinks.append(JsonLinesSink(span_log_dir, service))
    if otlp_endpoint:
        from opentelemetry.sdk.resources import Resource

        sinks.append(OtlpSink(otlp_endpoint, Resource.create({"service.name": service,
                                                               "service.instance.id": str(os.getpid())})))
    provider = RecordingTracerProvider(keep=bool(sinks))
    if sinks:
        SpanWriter(provider, sinks)
    trace.set_tracer_provider(provider)
    global _tracer
    _tracer = provider.get_tracer("billing.platform")  # the recorder itself, not the API's proxy in front of it
    return provider


def kafka_parent(headers: Sequence[tuple[str, bytes]] | None) -> SpanContext:
    """The producer's span named in a record's headers (invalid, so a new trace, when they name none)."""
    traceparent = tracestate = None
    for key, value in headers or ():
        if key == "traceparent":
            traceparent = value.decode(errors="replace")
        elif key == "tracestate":
            tracestate = value.decode(errors="replace")
    return remote_parent(traceparent, tracestate)


_ENVELOPE_IDS = {"event_id", "tenant_id", "subject_id"}


def consume_span(record, envelope, group_id: str) -> "ActiveSpan":
    """A CONSUMER span, child of the producer's context carried in the Kafka headers.

    The envelope's ids are written as text by its own serializer, in one call: the same text as `str()` of
    each UUID, which took three Python calls an event."""
    ids = envelope.__pydantic_serializer__.to_python(envelope, mode="json", include=_ENVELOPE_IDS)
    return ActiveSpan(_start_child(
        f"{record.topic} process",
        SpanKind.CONSUMER,
        {
            "messaging.system": "kafka",
            "messaging.destination.name": record.topic,
            "messaging.consumer.group.name": group_id,
            "messaging.kafka.partition": record.partition,
            "messaging.kafka.offset": record.offset,
            "messaging.message.id": ids["event_id"],
            "billing.tenant_id": ids["tenant_id"],
            "billing.subject_id": ids["subject_id"],
        },
        kafka_parent(record.headers),
    ))


class ActiveSpan:
    """A span made current for a `with` block and ended after it; a failure records the exception type
    only (exception messages may quote PHI). A plain class: the span is on every request's and every
    event's path, where generator-based context managers nested three deep cost more than the span."""

    __slots__ = ("_span", "_token")

    def __init__(self, span: trace.Span):
        self._span = span

    def __enter__(self) -> trace.Span:
        self._token = otel_context.attach(trace.set_span_in_context(self._span))
        return self._span

    def __exit__(self, exc_type, exc, traceback) -> None:
        span = self._span
        try:
            if exc_type is not None:
                span.set_status(trace.Status(trace.StatusCode.ERROR, exc_type.__name__))
                span.set_attribute("error.type", exc_type.__name__)
        finally:
            otel_context.detach(self._token)
            span.end()


def start_span(name: str, *, kind: SpanKind = SpanKind.INTERNAL, attributes: dict | None = None,
               links: Sequence[Link] = (), context=None) -> ActiveSpan:
    return ActiveSpan(_tracer.start_span(name, context=context, kind=kind, attributes=attributes,
                                         links=links, record_exception=False, set_status_on_exception=False))


def _start_child(name: str, kind: SpanKind, attributes: dict, parent: SpanContext | None = None) -> trace.Span:
    """A span of the plumbing's (one per event), child of `parent` or, without one, of the current span. The
    recorder takes the parent and the attribute dict as they are; any other tracer gets them as `start_span`
    arguments, the parent in a context of its own."""
    tracer = _tracer
    if isinstance(tracer, RecordingTracer):
        return tracer.start_child(name, trace.get_current_span().get_span_context() if parent is None else parent,
                                  kind, attributes)
    if parent is not None:
        parent = trace.set_span_in_context(NonRecordingSpan(parent), Context()) if parent.is_valid else NEW_TRACE
    return tracer.start_span(name, context=parent, kind=kind, attributes=attributes, record_exception=False,
                             set_status_on_exception=False)


def inject_headers(headers: dict[str, str] | None = None) -> dict[str, str]:
    """`headers` plus the active span's W3C trace context."""
    return {**(headers or {}), **trace_headers(trace.get_current_span().get_span_context())}


def with_span_headers(headers: dict[str, str], span: trace.Span) -> dict[str, str]:
    """`headers` with `span`'s W3C trace context written into it: what `inject_headers` adds inside the span's
    `with` block, where it is the active one, read from the span in hand instead of looked up again."""
    return _with_trace_headers(headers, span.get_span_context())


def trace_headers(context: trace.SpanContext) -> dict[str, str]:
    """traceparent (and tracestate, when the trace has one) as the W3C propagator writes them: formatted
    here, since `propagate.inject` (every configured propagator, a carrier each) cost more than the span."""
    return _with_trace_headers({}, context)


def _with_trace_headers(headers: dict[str, str], context: trace.SpanContext) -> dict[str, str]:
    if context.is_valid:
        headers["traceparent"] = _traceparent(context)
        if context.trace_state:
            headers["tracestate"] = context.trace_state.to_header()
    return headers


def current_traceparent() -> str | None:
    """The active span's W3C traceparent, to store with a row whose later work joins this trace."""
    context = trace.get_current_span().get_span_context()
    return _traceparent(context) if context.is_valid else None


def current_parent() -> SpanContext | None:
    """The active span's context as its traceparent carries it (no tracestate), for work done later on its
    behalf outside it: what `remote_parent(current_traceparent())` gives, without formatting and parsing."""
    context = trace.get_current_span().get_span_context()
    if not context.is_valid:
        return None
    return SpanContext(context.trace_id, context.span_id, True, context.trace_flags) if context.trace_state \
        else context


def _traceparent(context: trace.SpanContext) -> str:
    return f"00-{context.trace_id:032x}-{context.span_id:016x}-{context.trace_flags:02x}"


def continue_trace(traceparent: str | None, name: str, **attributes):
    """A span that continues the trace a stored traceparent names (a new trace if there is none)."""
    return start_span(name, context=remote_context(traceparent), attributes=attributes)


@contextlib.contextmanager
def batch_span(name: str, parents: Sequence[SpanContext | None], **attributes) -> Iterator[trace.Span]:
    """One span for work done for many requests at once (`parents`: each one's span, as `current_parent` gave
    it): in the first one's trace and linked to the others', so every request's trace shows the shared work.

    Its SQL statements are not spans of their own: their kinds, in the order they ran, are the span's
    `db.operations` (a batch runs a handful per transaction, each one for the whole batch, so a span
    each said no more than that list and cost a span each on the intake path)."""
    known: dict[tuple[int, int, int], SpanContext] = {}
    for context in parents:
        if context is not None and context.is_valid:
            known.setdefault((context.trace_id, context.span_id, context.trace_flags), context)
    contexts = list(known.values())
    parent = trace.set_span_in_context(NonRecordingSpan(contexts[0]), Context()) if contexts else None
    links = [Link(context, _BATCH_LINK) for context in contexts[1:]]
    statements: list[str] = []
    with start_span(name, context=parent, links=links, attributes={"billing.batch_size": len(parents),
                                                                   **attributes}) as span:
        token = otel_context.attach(otel_context.set_value(_STATEMENTS, statements))
        try:
            yield span
        finally:
            otel_context.detach(token)
            if statements:
                span.set_attributes({"db.system.name": "postgresql", "db.operations": statements})


def link_to_trace(traceparent: str | None) -> None:
    """Links the active span to another trace (e.g. a remittance's span to its claim's trace)."""
    if not traceparent:
        return
    linked = remote_parent(traceparent)
    if linked.is_valid:
        trace.get_current_span().add_link(linked, {"billing.link": "claim"})


def annotate(**attributes) -> None:
    """Adds ids and codes (never PHI) to the active span: where and why a step ended as it did."""
    trace.get_current_span().set_attributes(attributes)


def producer_headers(topic: str, *, event_type: str, message_id: str, subject_id: str,
                     parent: SpanContext | None = None) -> dict[str, str]:
    """An event's outbox headers: its type, and the context of a PRODUCER span for it, child of `parent`
    (default: the current span), which travels in the Kafka headers.

    The span has no children, so it is never made current: the headers are written from its context, into
    the one dict the outbox row keeps (an event is emitted per request on the intake path)."""
    span = _start_child(f"{topic} publish", SpanKind.PRODUCER, {
        "messaging.system": "kafka", "messaging.destination.name": topic, "messaging.message.id": message_id,
        "billing.subject_id": subject_id}, parent)
    span.end()
    return _with_trace_headers({"event_type": event_type}, span.get_span_context())


def instrument_engine(engine) -> None:
    """CLIENT spans for the SQL run inside a request or an event (inside a batch span, the statement's kind
    on that span): the operation only, never parameters."""
    from sqlalchemy import event

    sync_engine = engine.sync_engine

    @event.listens_for(sync_engine, "before_cursor_execute")
    def _start(conn, cursor, statement, parameters, context, executemany):
        if context is not None:
            context._otel_span = statement_started(statement, batch=bool(executemany))

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
            statement_failed(span, exception_context.original_exception)
            exception_context.execution_context._otel_span = None


def statement_started(statement: str, *, batch: bool = False) -> trace.Span | None:
    """The CLIENT span of one SQL statement about to run, to be ended when it has; None where the statement has
    no span of its own: outside any request or event (the relay's and the loops' polling makes no lone root
    spans), or inside a batch span, which names the statement's kind itself."""
    if not trace.get_current_span().get_span_context().is_valid:
        return None
    operation = statement.lstrip().split(None, 1)[0].upper() if statement.strip() else "SQL"
    batch_statements = otel_context.get_value(_STATEMENTS)
    if batch_statements is not None:
        batch_statements.append(operation)
        return None
    return _tracer.start_span(f"db {operation}", kind=SpanKind.CLIENT, attributes=_db_attributes(operation, batch))


def statement_failed(span: trace.Span, error: BaseException) -> None:
    """Ends a statement's span as failed, named by the error's kind only (its message may hold values)."""
    span.set_status(trace.Status(trace.StatusCode.ERROR, type(error).__name__))
    span.end()


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
            request.headers.update(trace_headers(span.get_span_context()))
            response = await self._inner.handle_async_request(request)
            answered(span, response.status_code)
            return response

    async def aclose(self) -> None:
        await self._inner.aclose()
