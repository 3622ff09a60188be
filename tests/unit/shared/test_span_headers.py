"""A client call's trace headers written from the span in hand are those `inject_headers` writes while that span
is the active one: same keys, same values, same order after the caller's own headers."""
import pytest
from opentelemetry.trace import NonRecordingSpan, SpanContext, TraceFlags
from opentelemetry.trace.span import TraceState

from shared.telemetry import ActiveSpan, inject_headers, with_span_headers

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("context", [
    SpanContext(0xAF7651916CD43DD8448EB211C80319C, 0xB7AD6B7169203331, False, TraceFlags(1)),
    SpanContext(0xAF7651916CD43DD8448EB211C80319C, 0xB7AD6B7169203331, True, TraceFlags(0),
                TraceState([("vendor", "value")])),
    SpanContext(0, 0, False)])
def test_a_spans_headers_are_those_injected_while_it_is_active(context):
    span = NonRecordingSpan(context)
    with ActiveSpan(span):
        injected = inject_headers({"X-Internal-Token": "t"})
    assert list(with_span_headers({"X-Internal-Token": "t"}, span).items()) == list(injected.items())
