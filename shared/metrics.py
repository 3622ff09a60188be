"""Prometheus metrics every service exposes at /metrics. Labels never carry PHI: topics and groups only."""
from prometheus_client import Counter, Gauge, Histogram

EVENTS_PROCESSED = Counter("events_processed_total", "Events handled and committed", ["group", "topic"])
EVENTS_DUPLICATE = Counter("events_duplicate_total", "Redelivered events skipped by the inbox", ["group", "topic"])
EVENTS_FAILED = Counter("events_failed_total", "Events sent to the DLQ", ["group", "topic"])
BATCH_RETRIES = Counter("consumer_batch_retries_total", "Batches retried after a transient error", ["group"])
DLQ_SEND_RETRIES = Counter("dlq_send_retries_total", "Dead-letter sends retried after a Kafka error", ["group"])
COMMIT_RETRIES = Counter("consumer_commit_retries_total", "Offset commits retried after a retriable error", ["group"])
CONSUMER_RESTARTS = Counter("consumer_restarts_total", "Consumer loops that died and were restarted", ["group"])
HANDLING_SECONDS = Histogram(
    "event_batch_handling_seconds", "Time to handle one consumed batch", ["group"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
EVENT_HANDLING_SECONDS = Histogram(
    "event_handling_seconds", "Time one handler took for one event, inside its batch's transaction", ["group", "topic"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5),
)
CONSUMER_LAG = Gauge("consumer_lag", "Messages behind the partition end", ["group", "topic", "partition"])
OUTBOX_BACKLOG = Gauge("outbox_backlog", "Outbox rows committed but not yet published to Kafka", ["service"])
OUTBOX_PUBLISHED = Counter("outbox_published_total", "Outbox rows published to Kafka", ["service"])
OUTBOX_PARKED = Gauge("outbox_parked", "Outbox rows Kafka refused for good, parked for an operator", ["service"])
INBOX_PRUNED = Counter("inbox_pruned_total", "Inbox rows deleted by retention", ["service"])
HTTP_SECONDS = Histogram(
    "http_request_seconds", "HTTP request latency", ["service", "method", "route", "status"],
    buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
DLQ_MESSAGES = Gauge("dlq_messages", "Messages held in a dead-letter topic (sum of partition end offsets)", ["topic"])
