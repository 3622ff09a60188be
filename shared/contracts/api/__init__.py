"""Response bodies of the public API, declared once per service: the service's internal route answers with
them and the gateway forwards and documents the same models (request bodies live in shared.contracts.requests)."""
