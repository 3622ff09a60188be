"""The gateway's use cases, one module each: they take a GatewayUnitOfWork and reach the database only
through its repositories, so unit tests run them over tests/unit/gateway/fakes.py."""
