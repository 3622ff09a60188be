"""Per-tenant token buckets: pure arithmetic over (tokens, last refill time); no clock, no I/O.

A bucket holds at most `burst` tokens and refills at `rate` tokens per second; a request takes one.
When it is empty the answer carries how long until one token is back (the Retry-After header).
"""
import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Bucket:
    tokens: float
    updated_at: float


@dataclass(frozen=True)
class Decision:
    allowed: bool
    bucket: Bucket
    retry_after_seconds: int = 0


def full_bucket(burst: int, now: float) -> Bucket:
    return Bucket(tokens=float(burst), updated_at=now)


def take_token(bucket: Bucket, *, now: float, rate: float, burst: int) -> Decision:
    """Refill for the time elapsed, then take one token if there is one."""
    elapsed = max(0.0, now - bucket.updated_at)
    tokens = min(float(burst), bucket.tokens + elapsed * rate)
    if tokens >= 1.0:
        return Decision(True, Bucket(tokens - 1.0, now))
    wait = (1.0 - tokens) / rate if rate > 0 else 3600.0
    return Decision(False, Bucket(tokens, now), retry_after_seconds=max(1, math.ceil(wait)))
