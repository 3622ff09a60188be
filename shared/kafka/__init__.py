"""Kafka plumbing on aiokafka: the idempotent producer, topic admin, the consumer runner, the DLQ."""
