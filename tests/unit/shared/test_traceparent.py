"""current_traceparent formats the active span's context itself, and remote_parent reads one itself: both must
agree with the W3C propagator, or the stored traceparents would start new traces downstream."""
from types import SimpleNamespace
from uuid import UUID

import pytest
from opentelemetry import propagate, trace
from opentelemetry.trace import NonRecordingSpan, SpanContext, TraceFlags
from pydantic import BaseModel

from shared import telemetry
from shared.contracts.envelope import Envelope
from shared.telemetry import current_traceparent
from shared.telemetry.propagation import remote_context, remote_parent
from shared.telemetry.recorder import RecordingTracerProvider

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


@pytest.mark.parametrize("traceparent, tracestate", [
    ("00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01", None),
    ("00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-00", None),
    ("00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01", "vendor=1"),
    ("00-0AF7651916CD43DD8448EB211C80319C-00f067aa0ba902b7-01", None),
    ("00-00000000000000000000000000000000-00f067aa0ba902b7-01", None),
    ("01-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01-extra", None),
    ("garbage", None),
])
def test_the_remote_parent_is_the_span_the_propagator_reads(traceparent, tracestate):
    carrier = {"traceparent": traceparent} | ({"tracestate": tracestate} if tracestate else {})
    expected = trace.get_current_span(propagate.extract(carrier)).get_span_context()
    assert remote_parent(traceparent, tracestate) == expected
    assert trace.get_current_span(remote_context(traceparent, tracestate)).get_span_context() == expected


def test_no_traceparent_names_no_parent():
    assert remote_parent(None) == trace.INVALID_SPAN_CONTEXT and remote_context(None) is None


@pytest.mark.parametrize("tracer", [RecordingTracerProvider().get_tracer("test"), trace.NoOpTracer()],
                         ids=["recorded", "untraced"])
def test_work_inside_a_consumer_span_continues_the_producers_trace(monkeypatch, tracer):
    monkeypatch.setattr(telemetry, "_tracer", tracer)
    producer = "00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01"
    record = SimpleNamespace(topic="claim.coded", partition=1, offset=5,
                             headers=[("event_type", b"claim.coded"), ("traceparent", producer.encode())])
    envelope = Envelope[BaseModel](event_id=UUID(int=1), event_type="claim.coded", tenant_id=UUID(int=2),
                                   subject_id=UUID(int=3), payload={})
    with telemetry.consume_span(record, envelope, "claims") as span:
        inside = current_traceparent()
    assert inside.split("-")[1] == producer.split("-")[1]
    if isinstance(tracer, trace.NoOpTracer):
        assert inside == producer  # no span of its own: the producer's context is passed on as it came
    else:
        assert span.parent == remote_parent(producer) and span.kind is trace.SpanKind.CONSUMER
        assert span.attributes["messaging.kafka.offset"] == 5 and span.attributes["billing.tenant_id"] == str(UUID(int=2))
