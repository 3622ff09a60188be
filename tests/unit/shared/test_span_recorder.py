"""The lean tracer: spans keep their trace and parent, every ended span is written once, in the JSON-lines
shape the dashboard reads, and the Kafka headers carry the producer span's own context."""
import orjson
import pytest
from opentelemetry import propagate, trace
from opentelemetry.trace import NonRecordingSpan, SpanContext, SpanKind, TraceFlags, TraceState

from shared import telemetry
from shared.telemetry.propagation import remote_parent
from shared.telemetry.export import JsonLinesSink, SpanWriter, attribute_value
from shared.telemetry.recorder import RecordingTracerProvider

pytestmark = pytest.mark.unit

REMOTE = SpanContext(0x0AF7651916CD43DD8448EB211C80319C, 0x00F067AA0BA902B7, is_remote=True,
                     trace_flags=TraceFlags(TraceFlags.SAMPLED))


@pytest.fixture
def recorder(monkeypatch) -> RecordingTracerProvider:
    provider = RecordingTracerProvider()
    monkeypatch.setattr(telemetry, "_tracer", provider.get_tracer("test"))
    return provider


def test_a_child_span_joins_its_parents_trace_and_both_are_handed_out_once_in_end_order(recorder):
    with telemetry.start_span("outer", kind=SpanKind.SERVER) as outer:
        with telemetry.start_span("inner", attributes={"billing.claim_id": "c1"}) as inner:
            assert trace.get_current_span() is inner
        assert trace.get_current_span() is outer
    assert trace.get_current_span() is trace.INVALID_SPAN
    spans = recorder.drain()
    assert [s.name for s in spans] == ["inner", "outer"]
    assert spans[0].context.trace_id == spans[1].context.trace_id and spans[0].parent == spans[1].context
    assert spans[1].parent is None and spans[0].attributes == {"billing.claim_id": "c1"}
    assert recorder.drain() == []


def test_a_remote_parent_is_continued_and_an_unsampled_one_is_not_recorded(recorder):
    with telemetry.start_span("process", context=trace.set_span_in_context(NonRecordingSpan(REMOTE))):
        pass
    unsampled = SpanContext(REMOTE.trace_id, REMOTE.span_id, is_remote=True, trace_flags=TraceFlags(0))
    with telemetry.start_span("dropped", context=trace.set_span_in_context(NonRecordingSpan(unsampled))) as span:
        assert span.get_span_context().trace_id == REMOTE.trace_id and not span.is_recording()
    [kept] = recorder.drain()
    assert kept.context.trace_id == REMOTE.trace_id and kept.parent.span_id == REMOTE.span_id


def test_a_failure_marks_the_span_with_the_exception_type_only(recorder):
    with pytest.raises(ValueError), telemetry.start_span("step"):
        raise ValueError("Jane Doe, born 1950-01-02")
    [span] = recorder.drain()
    assert span.status.status_code.name == "ERROR" and span.status.description == "ValueError"
    assert span.attributes == {"error.type": "ValueError"}


def test_an_ended_span_takes_no_more_changes(recorder):
    with telemetry.start_span("step") as span:
        span.set_attribute("http.response.status_code", 200)
    span.set_attribute("late", 1)
    span.update_name("renamed")
    [ended] = recorder.drain()
    assert ended.name == "step" and ended.attributes == {"http.response.status_code": 200}


def test_producer_headers_carry_the_producer_spans_context_as_the_propagator_would(recorder):
    with telemetry.start_span("request"):
        headers = telemetry.producer_headers("claim.coded", event_type="claim.coded", message_id="e1",
                                             subject_id="c1")
    producer, request = recorder.drain()
    assert producer.kind is SpanKind.PRODUCER and producer.parent == request.context
    assert producer.name == "claim.coded publish" and producer.attributes == {
        "messaging.system": "kafka", "messaging.destination.name": "claim.coded", "messaging.message.id": "e1",
        "billing.subject_id": "c1"}
    with trace.use_span(NonRecordingSpan(producer.context)):
        carrier: dict[str, str] = {}
        propagate.inject(carrier)
    assert headers == {"event_type": "claim.coded", **carrier} and list(headers)[0] == "event_type"


def test_a_producer_span_in_a_trace_with_a_tracestate_carries_it_in_its_headers(recorder):
    stated = SpanContext(REMOTE.trace_id, REMOTE.span_id, True, REMOTE.trace_flags,
                         TraceState([("vendor", "x")]))
    headers = telemetry.producer_headers("claim.coded", event_type="claim.coded", message_id="e1",
                                         subject_id="c1", parent=stated)
    [producer] = recorder.drain()
    assert headers == {"event_type": "claim.coded", **telemetry.trace_headers(producer.context)}
    assert headers["tracestate"] == "vendor=x"


def test_a_producer_span_given_its_requests_context_is_the_one_its_traceparent_would_parent(recorder):
    stated = SpanContext(REMOTE.trace_id, REMOTE.span_id, True, REMOTE.trace_flags,
                         TraceState([("vendor", "x")]))
    with telemetry.start_span("request", context=trace.set_span_in_context(NonRecordingSpan(stated))):
        parent, traceparent = telemetry.current_parent(), telemetry.current_traceparent()
    assert parent == remote_parent(traceparent)
    # later, in a batch's own span
    headers = telemetry.producer_headers("encounter.documented", event_type="encounter.documented",
                                         message_id="e1", subject_id="s1", parent=parent)
    request, producer = recorder.drain()
    assert request.context.trace_state  # the request's own span keeps the tracestate it was sent
    assert producer.parent.span_id == request.context.span_id and producer.context.trace_id == REMOTE.trace_id
    assert set(headers) == {"event_type", "traceparent"}  # the traceparent carried no tracestate, nor does the event
    assert telemetry.current_parent() is None


def test_the_writer_appends_every_span_as_one_json_line(tmp_path, recorder):
    writer = SpanWriter(recorder, [JsonLinesSink(str(tmp_path), "claims")], every_seconds=3600)
    with telemetry.start_span("claim.coded process", kind=SpanKind.CONSUMER,
                              attributes={"billing.edits": ["E1"], "messaging.kafka.offset": 7}):
        pass
    writer.shutdown()
    [line] = (tmp_path / "claims.spans.jsonl").read_bytes().splitlines()
    record = orjson.loads(line)
    assert set(record) == {"trace_id", "span_id", "parent_id", "name", "service", "kind", "start_ns", "end_ns",
                           "status", "attributes", "links"}
    assert (record["service"], record["kind"], record["status"], record["parent_id"]) == (
        "claims", "CONSUMER", "UNSET", None)
    assert record["attributes"] == {"billing.edits": ["E1"], "messaging.kafka.offset": 7}
    assert len(record["trace_id"]) == 32 and len(record["span_id"]) == 16 and record["end_ns"] >= record["start_ns"]


@pytest.mark.parametrize("value, sent", [("a", "a"), (3, 3), (True, True), (["E1", 2], ("E1", 2)),
                                         (object, str(object)), ([None], ("None",))])
def test_otlp_gets_only_the_value_types_it_can_carry(value, sent):
    assert attribute_value(value) == sent


def test_tracing_switched_off_leaves_the_no_op_tracer(monkeypatch, tmp_path):
    monkeypatch.setenv("OTEL_SDK_DISABLED", "true")
    assert telemetry.setup_tracing("claims", otlp_endpoint=None, span_log_dir=str(tmp_path)) is None
    assert not list(tmp_path.iterdir())


def test_a_batch_span_continues_its_first_requests_trace_and_links_each_other_request_once(recorder):
    second = SpanContext(0x1, 0x2, True, TraceFlags(TraceFlags.SAMPLED))
    third = SpanContext(0x3, 0x4, False, TraceFlags(TraceFlags.SAMPLED))
    with telemetry.batch_span("intake write", [None, REMOTE, second, REMOTE, trace.INVALID_SPAN_CONTEXT, third,
                                               SpanContext(0x1, 0x2, False, TraceFlags(TraceFlags.SAMPLED))]):
        pass
    [batch] = recorder.drain()
    assert batch.context.trace_id == REMOTE.trace_id and batch.parent.span_id == REMOTE.span_id
    assert [(link.context.trace_id, link.context.span_id, dict(link.attributes)) for link in batch.links] == [
        (0x1, 0x2, {"billing.link": "batch"}), (0x3, 0x4, {"billing.link": "batch"})]
    assert batch.attributes == {"billing.batch_size": 7}


def test_statements_of_a_batch_span_are_named_on_it_and_others_are_spans_of_their_own(recorder):
    from types import SimpleNamespace

    from sqlalchemy import create_engine, text

    engine = create_engine("sqlite://")
    telemetry.instrument_engine(SimpleNamespace(sync_engine=engine))
    with engine.connect() as conn:
        conn.execute(text("CREATE TABLE encounter (id INTEGER)"))  # outside any span: no lone root span
        with telemetry.start_span("GET /v1/encounters/{id}"):
            conn.execute(text("SELECT id FROM encounter"))
        with telemetry.batch_span("intake write", [REMOTE, None]):
            conn.execute(text("INSERT INTO encounter VALUES (1)"))
            conn.execute(text("  select count(*) FROM encounter"))
    statement, get, batch = recorder.drain()
    assert (statement.name, statement.kind, statement.parent) == ("db SELECT", SpanKind.CLIENT, get.context)
    assert statement.attributes == {"db.system.name": "postgresql", "db.operation.name": "SELECT", "db.batch": False}
    assert batch.name == "intake write" and batch.context.trace_id == 0x0AF7651916CD43DD8448EB211C80319C
    assert batch.attributes == {"billing.batch_size": 2, "db.system.name": "postgresql",
                                "db.operations": ["INSERT", "SELECT"]}


@pytest.mark.parametrize("traceparent, tracestate", [
    ("00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01", None),
    ("00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-00", None),
    ("00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-03", None),
    ("00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01", "vendor=abc"),
    ("00-00000000000000000000000000000000-00f067aa0ba902b7-01", None),
    ("00-0AF7651916CD43DD8448EB211C80319C-00f067aa0ba902b7-01", None),
    ("01-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01-extra", None),
    ("00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01-extra", None),
    ("ff-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01", None),
    ("garbage", None),
])
def test_a_traceparent_names_the_parent_the_w3c_propagator_finds(traceparent, tracestate):
    from shared.telemetry.propagation import remote_context

    carrier = {"traceparent": traceparent, **({"tracestate": tracestate} if tracestate else {})}
    expected = trace.get_current_span(propagate.extract(carrier)).get_span_context()
    assert trace.get_current_span(remote_context(traceparent, tracestate)).get_span_context() == expected


def test_the_collector_gets_the_spans_as_otlp_with_the_services_resource(recorder):
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest
    from opentelemetry.sdk.resources import Resource

    from shared.telemetry.export import OtlpSink

    received = []

    class Collector(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 - the http.server hook's name
            received.append((self.path, self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Collector)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        sink = OtlpSink(f"http://127.0.0.1:{server.server_port}", Resource.create({"service.name": "claims"}))
        with telemetry.start_span("claim submitted", attributes={"billing.edits": ["E1"], "odd": object()}):
            telemetry.producer_headers("claim.submitted", event_type="claim.submitted", message_id="e1",
                                       subject_id="c1")
        sink(recorder.drain())
    finally:
        server.shutdown()
    [(path, body)] = received
    request = ExportTraceServiceRequest.FromString(body)
    [resource_spans] = request.resource_spans
    assert path == "/v1/traces"
    assert {a.key: a.value.string_value for a in resource_spans.resource.attributes}["service.name"] == "claims"
    spans = [span for scope in resource_spans.scope_spans for span in scope.spans]
    assert [s.name for s in spans] == ["claim.submitted publish", "claim submitted"]
    assert spans[0].parent_span_id == spans[1].span_id and spans[0].trace_id == spans[1].trace_id
    assert {a.key for a in spans[1].attributes} == {"billing.edits", "odd"}


@pytest.mark.parametrize("parent", [
    REMOTE,
    SpanContext(REMOTE.trace_id, REMOTE.span_id, True, TraceFlags(0), TraceState([("vendor", "x")])),
    trace.INVALID_SPAN_CONTEXT,
])
def test_a_childs_context_is_the_one_spancontexts_constructor_makes(recorder, monkeypatch, parent):
    monkeypatch.setattr("shared.telemetry.recorder._span_id", lambda: 0x1234)
    monkeypatch.setattr("shared.telemetry.recorder.random.getrandbits", lambda bits: 0x5678)
    child = recorder.get_tracer("test").start_child("step", parent, SpanKind.PRODUCER, {}).get_span_context()
    made = SpanContext(parent.trace_id if parent.is_valid else 0x5678, 0x1234, False,
                       parent.trace_flags if parent.is_valid else child.trace_flags,
                       parent.trace_state if parent.is_valid else None)
    assert child == made and tuple(child) == tuple(made) and type(child) is SpanContext and child.is_valid
    assert repr(child) == repr(made)
