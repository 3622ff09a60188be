"""Postgres plumbing: engines, the unit of work, the outbox/inbox tables, and migrations."""
