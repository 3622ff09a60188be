"""Per-tenant rate limits: 429 problem+json with Retry-After once a tenant's bucket is empty.

Where the state lives, and why: the buckets are in this process, one per tenant per gateway replica.
Checking a limit then costs no I/O on every request (a Postgres row per request would serialise a
busy tenant's traffic on one row lock). The price: with N replicas behind a load balancer a tenant
can reach N times its rate, so a deployment sets RATE_LIMIT_PER_SECOND (and each tenant's own
limit) as the tenant's rate divided by the replica count. A restart refills the buckets, which only ever lets a burst more.
"""
import time
from dataclasses import dataclass

from shared.http.problems import Problem
from services.gateway.domain.rate_limit import Bucket, full_bucket, take_token


@dataclass(frozen=True)
class Limit:
    rate: float
    burst: int


class RateLimiter:
    def __init__(self, default: Limit, clock=time.monotonic):
        self.default = default
        self._clock = clock
        self._buckets: dict[str, Bucket] = {}

    def check(self, tenant_id: str, limit: Limit | None = None) -> None:
        """Take a token for the tenant or raise a 429 problem saying when to come back."""
        limit = limit or self.default
        now = self._clock()
        bucket = self._buckets.get(tenant_id) or full_bucket(limit.burst, now)
        self._buckets[tenant_id], retry_after_seconds = take_token(bucket, now=now, rate=limit.rate,
                                                                   burst=limit.burst)
        if retry_after_seconds:
            raise Problem(429, "Too many requests", f"this tenant may send {limit.rate:g} requests per second",
                          headers={"Retry-After": str(retry_after_seconds)})
