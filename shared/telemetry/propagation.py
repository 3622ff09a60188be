"""The remote parent a W3C traceparent names, read without the global propagator in the common case.

Every Kafka event, HTTP request and batch joins its trace from a traceparent, about a dozen times per
encounter; `propagate.extract` (every configured propagator, a regex, a carrier lookup per header) cost
more CPU than the span it parented. The canonical form the services write (version 00, lower-case hex,
no tracestate) is read here directly; anything else goes through the propagator, which decides as always.
"""
import re

from opentelemetry import propagate, trace
from opentelemetry.context import Context
from opentelemetry.trace import NonRecordingSpan, SpanContext, TraceFlags

_CANONICAL = re.compile(r"00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})")
NEW_TRACE = Context()  # no span in it: what a request or message without a traceparent starts from
_SAMPLED, _NOT_SAMPLED = TraceFlags(TraceFlags.SAMPLED), TraceFlags(TraceFlags.DEFAULT)


def remote_context(traceparent: str | None, tracestate: str | None = None) -> Context | None:
    """A context whose current span is the remote parent (None without a traceparent)."""
    if not traceparent:
        return None
    parent = remote_parent(traceparent, tracestate)
    return trace.set_span_in_context(NonRecordingSpan(parent), Context()) if parent.is_valid else Context()


def remote_parent(traceparent: str | None, tracestate: str | None = None) -> SpanContext:
    """The remote span a traceparent names, invalid when it names none: what a span starting from it needs,
    without the context that would only carry it there."""
    if not traceparent:
        return trace.INVALID_SPAN_CONTEXT
    if tracestate is None and (canonical := _CANONICAL.fullmatch(traceparent)):
        trace_id, span_id = int(canonical[1], 16), int(canonical[2], 16)
        if trace_id and span_id:
            flags = int(canonical[3], 16)
            trace_flags = _SAMPLED if flags == 1 else _NOT_SAMPLED if flags == 0 else TraceFlags(flags)
            return SpanContext(trace_id, span_id, True, trace_flags)
    carrier = {"traceparent": traceparent} if tracestate is None else {"traceparent": traceparent,
                                                                        "tracestate": tracestate}
    return trace.get_current_span(propagate.extract(carrier)).get_span_context()

