"""FastAPI plumbing shared by every service: problem+json, internal auth, tracing, metrics, health."""
