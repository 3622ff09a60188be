"""Every span a fixed input makes on the emit and consume path, as the span writer receives it, ids normalised.

    .venv/bin/python -m tools.bench.span_dump FILE [EVENTS]

EVENTS (200 by default) go through `emit_cost`'s steps (emit, bind, the relay's headers, decode under the consumer
span) once at top level and once inside a request's span; then records whose headers carry no traceparent, an
unsampled one, one with a tracestate and a malformed one are consumed, one emit is made inside each consumer span,
and a batch span joins three requests' traces; all of it twice, through the API's proxy tracer and through the
tracer `setup_tracing` installs. Each span is written with its name, kind, status, attributes in
their order, parent and links, and each Kafka header list as the relay makes it; trace and span ids are replaced by
their order of appearance, so two runs of one commit, or of two commits that trace alike, give the same file.
"""
import sys

from opentelemetry import trace

from shared.telemetry.recorder import RecordingTracerProvider

recorder = RecordingTracerProvider()
trace.set_tracer_provider(recorder)  # before emit_cost's setup, which keeps a provider already set

from tools.bench import emit_cost  # noqa: E402  (first: it seeds uuid4 before the contracts are imported)

from aiokafka.structs import ConsumerRecord  # noqa: E402

from shared import telemetry  # noqa: E402
from shared.kafka.records import decode  # noqa: E402
from shared.telemetry.propagation import remote_parent  # noqa: E402

UNUSUAL_HEADERS = {
    "none": [],
    "unsampled": [("traceparent", b"00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-00")],
    "tracestate": [("traceparent", b"00-0af7651916cd43dd8448eb211c80319c-00f067aa0ba902b7-01"),
                   ("tracestate", b"vendor=1")],
    "malformed": [("traceparent", b"00-0AF7651916CD43DD8448EB211C80319C-00f067aa0ba902b7-01")],
}


class Ids:
    """Each trace or span id as the order it first appeared in."""

    def __init__(self):
        self._seen: dict[int, int] = {}

    def __call__(self, value: int | None) -> int | None:
        return None if value is None else self._seen.setdefault(value, len(self._seen))

    def headers(self, headers) -> list:
        out = []
        for key, value in headers:
            if key == "traceparent":
                version, trace_id, span_id, flags = value.decode().split("-")
                value = f"{version}-t{self(int(trace_id, 16))}-s{self(int(span_id, 16))}-{flags}"
            out.append((key, value))
        return out


def described(span, ids: Ids) -> str:
    parent = span.parent
    links = [(ids(link.context.trace_id), ids(link.context.span_id), dict(link.attributes or {}))
             for link in span.links]
    return (f"{span.name} {span.kind.name} {span.status.status_code.name} {span.status.description} "
            f"trace=t{ids(span.context.trace_id)} span=s{ids(span.context.span_id)} "
            f"parent={None if parent is None else (ids(parent.trace_id), ids(parent.span_id))} "
            f"attributes={list(span.attributes.items())} links={links}")


def consume_unusual() -> None:
    subscription = emit_cost.Subscription("claim.submitted")
    (payload, tenant_id, subject_id), = emit_cost.payloads(2)[:1]
    row = emit_cost.emit([(payload, tenant_id, subject_id)])[0]
    for offset, headers in enumerate(UNUSUAL_HEADERS.values()):
        record = ConsumerRecord(topic=row["topic"], partition=3, offset=offset, timestamp=0, timestamp_type=0,
                                key=row["message_key"], value=row["value"], checksum=None, serialized_key_size=0,
                                serialized_value_size=len(row["value"]), headers=headers)
        with telemetry.consume_span(record, decode(record, subscription), "span-dump"):
            emit_cost.emit([(payload, tenant_id, subject_id)])


def main() -> None:
    path, count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 200
    items = emit_cost.payloads(count)
    ids = Ids()
    lines = ["through the API's proxy tracer"] + traced(items, ids)
    telemetry._tracer = recorder.get_tracer("billing.platform")  # as `setup_tracing` leaves it in a service
    lines += ["through the tracer setup_tracing installs"] + traced(items, ids)
    with open(path, "w") as out:
        out.write("\n".join(lines) + "\n")
    print(f"{len(lines)} lines -> {path}")


def traced(items: list[tuple], ids: Ids) -> list[str]:
    lines = []
    for outer in (None, "POST /v1/encounters"):
        if outer is None:
            _, _, kafka_headers = emit_cost.steps(items)
        else:
            with telemetry.start_span(outer, kind=trace.SpanKind.SERVER):
                _, _, kafka_headers = emit_cost.steps(items)
        lines += [f"headers {ids.headers(headers)}" for headers in kafka_headers]
    consume_unusual()
    requests = [remote_parent(dict(headers)["traceparent"].decode()) for headers in kafka_headers[:3]]
    with telemetry.batch_span("intake write", [requests[0], None, *requests], **{"billing.tenant_id": "t1"}):
        pass
    return lines + [described(span, ids) for span in recorder.drain()]


if __name__ == "__main__":
    main()
