"""Pipeline health from the services' Prometheus text: per stage (consumer group x topic) throughput,
errors, lag, handling latency; per service outbox backlog and HTTP latency. Pure parsing."""
from collections import defaultdict

from prometheus_client.parser import text_string_to_metric_families

from shared.contracts.topics import ALL_TOPICS


def _samples(text: str):
    for family in text_string_to_metric_families(text):
        yield from family.samples


def _quantile(buckets: list[tuple[float, float]], q: float) -> float | None:
    """Upper bound of the bucket holding the q-th observation (cumulative buckets, as Prometheus keeps them)."""
    buckets = sorted(buckets)
    total = buckets[-1][1] if buckets else 0
    if not total:
        return None
    return next((bound for bound, count in buckets if count >= q * total), None)


def stages(texts: dict[str, str]) -> list[dict]:
    rows: dict[tuple[str, str], dict] = defaultdict(lambda: {
        "processed": 0.0, "failed": 0.0, "duplicates": 0.0, "lag": 0.0, "partitions": {},
        "handled": 0.0, "seconds": 0.0, "buckets": defaultdict(float)})
    for service, text in texts.items():
        for s in _samples(text):
            group, topic = s.labels.get("group"), s.labels.get("topic")
            if not group or not topic:
                continue
            row = rows[(group, topic)]
            if s.name == "events_processed_total":
                row["processed"] += s.value
            elif s.name == "events_failed_total":
                row["failed"] += s.value
            elif s.name == "events_duplicate_total":
                row["duplicates"] += s.value
            elif s.name == "consumer_lag":
                row["partitions"][s.labels["partition"]] = row["partitions"].get(s.labels["partition"], 0) + s.value
                row["lag"] += s.value
            elif s.name == "event_handling_seconds_count":
                row["handled"] += s.value
            elif s.name == "event_handling_seconds_sum":
                row["seconds"] += s.value
            elif s.name == "event_handling_seconds_bucket" and s.labels["le"] != "+Inf":
                row["buckets"][float(s.labels["le"])] += s.value
    order = {topic: i for i, topic in enumerate(ALL_TOPICS)}
    return [{
        "stage": f"{topic} \u2192 {group}", "topic": topic, "group": group, "processed": int(r["processed"]),
        "failed": int(r["failed"]), "duplicates": int(r["duplicates"]), "lag": int(r["lag"]),
        "lag_by_partition": {p: int(v) for p, v in sorted(r["partitions"].items(), key=lambda kv: int(kv[0]))},
        "mean_ms": round(1000 * r["seconds"] / r["handled"], 2) if r["handled"] else None,
        "p95_ms": (lambda q: None if q is None else round(1000 * q, 1))(_quantile(list(r["buckets"].items()), 0.95)),
    } for (group, topic), r in sorted(rows.items(), key=lambda kv: (order.get(kv[0][1], 99), kv[0][0]))]


PROBES = ("/metrics", "/health", "/health/live", "/health/ready")  # not traffic: left out of HTTP figures


def services(texts: dict[str, str]) -> list[dict]:
    """Per service: outbox backlog and parked rows (Kafka refused them for good), HTTP traffic."""
    out = []
    for service, text in texts.items():
        backlog, parked, requests, seconds, errors = 0.0, 0.0, 0.0, 0.0, 0.0
        for s in _samples(text):
            if s.name == "outbox_backlog":
                backlog += s.value
            elif s.name == "outbox_parked":
                parked += s.value
            elif s.name == "http_request_seconds_count" and s.labels.get("route") not in PROBES:
                requests += s.value
                errors += s.value if s.labels.get("status", "").startswith("5") else 0
            elif s.name == "http_request_seconds_sum" and s.labels.get("route") not in PROBES:
                seconds += s.value
        out.append({"service": service, "up": True, "outbox_backlog": int(backlog), "outbox_parked": int(parked),
                    "http_requests": int(requests), "http_5xx": int(errors),
                    "http_mean_ms": round(1000 * seconds / requests, 2) if requests else None})
    return out
