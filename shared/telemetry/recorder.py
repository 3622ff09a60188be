"""A lean OpenTelemetry tracer: spans as plain slotted records, every one kept, handed to a writer thread.

The SDK's tracer validates each attribute under a lock, builds a sampler result, two bounded lists and a
read-only copy per span; at about twenty spans per encounter that cost more CPU than the work some of
those spans describe. Here a span is a record the event loop fills and appends to a list when it ends:
nothing is sampled away (ops follow every encounter), attribute values are checked once, by the writer
(`export.attribute_value`), off the event loop. It implements the OpenTelemetry API, so propagation,
`trace.get_current_span()` and the log formatter's trace ids work unchanged.
"""
import random
from collections import deque
from collections.abc import Sequence
from time import time_ns

from opentelemetry import trace
from opentelemetry.trace import Link, SpanContext, SpanKind, Status, StatusCode, TraceFlags, TraceState
from opentelemetry.trace.span import DEFAULT_TRACE_STATE
from opentelemetry.util._decorator import _agnosticcontextmanager

_SAMPLED = TraceFlags(TraceFlags.SAMPLED | getattr(TraceFlags, "RANDOM_TRACE_ID", 0))
_UNSET = Status(StatusCode.UNSET)
# Spans waiting for the writer, which drains them twice a second: this many is minutes of a busy service's
# spans. Only a writer stalled that long (a full disk, a dead collector) drops any, the oldest first.
MAX_WAITING = 200_000


class RecordedSpan(trace.Span):
    """One span: what the writer turns into a JSON line or an OTLP span."""

    __slots__ = ("name", "context", "parent", "kind", "attributes", "links", "start_ns", "end_ns", "status",
                 "_finished")

    def __init__(self, name: str, context: SpanContext, parent: SpanContext | None, kind: SpanKind,
                 attributes: dict, links: list, start_ns: int, finished: deque | None):
        self.name = name
        self.context = context
        self.parent = parent
        self.kind = kind
        self.attributes = attributes
        self.links = links
        self.start_ns = start_ns
        self.end_ns: int | None = None
        self.status = _UNSET
        self._finished = finished

    def get_span_context(self) -> SpanContext:
        return self.context

    def set_attributes(self, attributes) -> None:
        if self.end_ns is None:
            self.attributes.update(attributes)

    def set_attribute(self, key: str, value) -> None:
        if self.end_ns is None:
            self.attributes[key] = value

    def add_event(self, name: str, attributes=None, timestamp=None) -> None:
        """Not kept: no caller records events, and an exception event would quote its message (PHI)."""

    def add_link(self, context: SpanContext, attributes=None) -> None:
        if self.end_ns is None and context.is_valid:
            self.links.append(Link(context, attributes))

    def update_name(self, name: str) -> None:
        if self.end_ns is None:
            self.name = name

    def is_recording(self) -> bool:
        return self.end_ns is None

    def set_status(self, status, description: str | None = None) -> None:
        if self.end_ns is not None:
            return
        if isinstance(status, StatusCode):
            status = Status(status, description)
        if status.status_code is not StatusCode.UNSET and self.status.status_code is not StatusCode.OK:
            self.status = status

    def record_exception(self, exception: BaseException, attributes=None, timestamp=None, escaped=False) -> None:
        self.set_attribute("error.type", type(exception).__name__)  # the type only: messages may quote PHI

    def end(self, end_time: int | None = None) -> None:
        if self.end_ns is None:
            self.end_ns = end_time or time_ns()
            if self._finished is not None:
                self._finished.append(self)  # a deque: appended here, popped by the writer thread, both thread-safe


class RecordingTracer(trace.Tracer):
    def __init__(self, finished: deque | None):
        self.finished = finished

    def start_span(self, name: str, context=None, kind: SpanKind = SpanKind.INTERNAL, attributes=None,
                   links: Sequence[Link] | None = (), start_time: int | None = None, record_exception: bool = True,
                   set_status_on_exception: bool = True) -> trace.Span:
        return self.start_child(name, trace.get_current_span(context).get_span_context(), kind,
                                dict(attributes) if attributes else {}, links, start_time)

    def start_child(self, name: str, parent: SpanContext, kind: SpanKind, attributes: dict,
                    links: Sequence[Link] | None = (), start_time: int | None = None) -> trace.Span:
        """`start_span` for a caller that has the parent's SpanContext at hand (an invalid one starts a trace)
        and hands over a dict of its own (kept, not copied): the plumbing's spans, one per event."""
        if parent.is_valid:
            flags = parent.trace_flags
            span_context = child_context(parent.trace_id, flags, parent.trace_state)
            if not flags.sampled:  # the caller upstream chose not to trace this request
                return trace.NonRecordingSpan(span_context)
        else:
            parent = None
            span_context = child_context(random.getrandbits(128) or 1, _SAMPLED, DEFAULT_TRACE_STATE)
        return RecordedSpan(name, span_context, parent, kind, attributes,
                            [link for link in links if link.context.is_valid] if links else [],
                            start_time or time_ns(), self.finished)

    @_agnosticcontextmanager
    def start_as_current_span(self, name: str, context=None, kind: SpanKind = SpanKind.INTERNAL, attributes=None,
                              links=(), start_time=None, record_exception=True, set_status_on_exception=True,
                              end_on_exit=True):
        span = self.start_span(name, context, kind, attributes, links, start_time)
        with trace.use_span(span, end_on_exit=end_on_exit, record_exception=record_exception,
                            set_status_on_exception=set_status_on_exception) as current:
            yield current


class RecordingTracerProvider(trace.TracerProvider):
    """Every tracer of the process records into one queue, which the span writer drains. Without a
    writer (`keep=False`) spans still carry their context from service to service, and are dropped."""

    def __init__(self, *, keep: bool = True) -> None:
        self._finished: deque[RecordedSpan] = deque(maxlen=MAX_WAITING) if keep else deque(maxlen=0)
        self._tracer = RecordingTracer(self._finished if keep else None)

    def get_tracer(self, instrumenting_module_name, *args, **kwargs) -> trace.Tracer:
        return self._tracer

    def drain(self) -> list[RecordedSpan]:
        """The spans ended so far, oldest first, each handed out once."""
        finished = self._finished
        return [finished.popleft() for _ in range(len(finished))]


def _span_id() -> int:
    return random.getrandbits(64) or 1


def child_context(trace_id: int, trace_flags: TraceFlags, trace_state: TraceState) -> SpanContext:
    """A new span's context, with a span id of its own, in the trace `trace_id` (a valid parent's or a new one).

    Made as the tuple `SpanContext(...)` makes, valid (both ids are non-zero and in range by construction):
    its constructor's checks, for every span of every request and event, cost more than the rest of it."""
    return tuple.__new__(SpanContext, (trace_id, _span_id(), False, trace_flags, trace_state, True))
