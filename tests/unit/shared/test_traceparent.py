"""current_traceparent formats the active span's context itself: it must read exactly as the W3C
propagator would write it, or the stored traceparents would start new traces downstream."""
import pytest
from opentelemetry import propagate, trace
from opentelemetry.trace import NonRecordingSpan, SpanContext, TraceFlags

from shared.telemetry import current_traceparent

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("flags", [TraceFlags.SAMPLED, TraceFlags.DEFAULT])
def test_the_traceparent_is_the_one_the_propagator_writes(flags):
    context = SpanContext(trace_id=0x0AF7651916CD43DD8448EB211C80319C, span_id=0x00F067AA0BA902B7,
                          is_remote=False, trace_flags=TraceFlags(flags))
    with trace.use_span(NonRecordingSpan(context)):
        carrier: dict[str, str] = {}
        propagate.inject(carrier)
        assert current_traceparent() == carrier["traceparent"]
        assert current_traceparent() == f"00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-0{int(flags)}"


def test_no_active_span_has_no_traceparent():
    assert current_traceparent() is None
