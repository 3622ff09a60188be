"""Pipeline health parsed from Prometheus text, and a trace laid out as a timeline from span lines."""
import orjson
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest

from services.gateway.dashboard import health, timeline


def _metrics_text() -> str:
    registry = CollectorRegistry()
    processed = Counter("events_processed_total", "", ["group", "topic"], registry=registry)
    failed = Counter("events_failed_total", "", ["group", "topic"], registry=registry)
    lag = Gauge("consumer_lag", "", ["group", "topic", "partition"], registry=registry)
    latency = Histogram("event_handling_seconds", "", ["group", "topic"], buckets=(0.01, 0.1, 1), registry=registry)
    backlog = Gauge("outbox_backlog", "", ["service"], registry=registry)
    parked = Gauge("outbox_parked", "", ["service"], registry=registry)
    requests = Histogram("http_request_seconds", "", ["route", "status"], registry=registry)
    processed.labels("coding", "encounter.documented").inc(20)
    failed.labels("coding", "encounter.documented").inc(2)
    lag.labels("coding", "encounter.documented", "0").set(3)
    lag.labels("coding", "encounter.documented", "4").set(5)
    for seconds in [0.005] * 18 + [0.5] * 2:
        latency.labels("coding", "encounter.documented").observe(seconds)
    backlog.labels("coding").set(7)
    parked.labels("coding").set(1)
    requests.labels("/internal/claims/{claim_id}", "200").observe(0.02)
    for probe in ("/health", "/health/live", "/health/ready", "/metrics"):
        requests.labels(probe, "200").observe(0.5)
    return generate_latest(registry).decode()


def test_stage_rows_sum_partitions_and_estimate_p95():
    [row] = health.stages({"coding": _metrics_text()})
    assert (row["group"], row["topic"], row["processed"], row["failed"], row["lag"]) == ("coding", "encounter.documented", 20, 2, 8)
    assert row["lag_by_partition"] == {"0": 3, "4": 5}
    assert row["p95_ms"] == 1000.0 and row["mean_ms"] == 54.5
    [service] = health.services({"coding": _metrics_text()})
    assert (service["outbox_backlog"], service["outbox_parked"]) == (7, 1)
    assert service["http_requests"] == 1 and service["http_mean_ms"] == 20.0  # probes are not traffic


def _span(trace, span, parent, start, name, service, links=(), **attributes) -> bytes:
    return orjson.dumps({"trace_id": trace, "span_id": span, "parent_id": parent, "name": name, "service": service,
                         "kind": "INTERNAL", "start_ns": start, "end_ns": start + 2_000_000, "status": "UNSET",
                         "attributes": attributes, "links": list(links)}) + b"\n"


def test_timeline_follows_the_id_and_the_links_and_says_where_and_why(tmp_path):
    enc, claim = "e-1", "c-1"
    (tmp_path / "gateway.spans.jsonl").write_bytes(
        _span("t1", "a", None, 1_000_000, "POST /v1/encounters", "gateway")
        + _span("t9", "z", None, 5, "GET /health", "gateway"))
    (tmp_path / "coding.spans.jsonl").write_bytes(
        _span("t1", "b", "a", 3_000_000, "encounter.documented process", "coding", **{"billing.subject_id": enc})
        + b'{"cut short\n'
        + _span("t1", "c", "b", 4_000_000, "db INSERT", "coding", **{"billing.coding_status": "needs_review",
                                                                     "billing.edits": ["ICD-NOT-BILLABLE"]}))
    (tmp_path / "claims.spans.jsonl").write_bytes(
        _span("t2", "d", None, 9_000_000, "remit.received process", "claims", links=["t1"], **{"billing.claim_id": claim}))
    found = timeline.read_timeline(str(tmp_path), enc)
    assert found["traces"] == ["t1", "t2"]
    assert [r["span_id"] for r in found["spans"]] == ["a", "b", "c", "d"]
    assert [r["depth"] for r in found["spans"]] == [0, 1, 2, 0]
    assert found["spans"][1]["start_ms"] == 2.0
    assert found["where"] == {"service": "coding", "span": "db INSERT", "span_id": "c", "status": "needs_review",
                              "edits": ["ICD-NOT-BILLABLE"]}
    assert timeline.read_timeline(str(tmp_path), "nothing-like-it")["spans"] == []
