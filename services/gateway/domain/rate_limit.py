"""Per-tenant token buckets: pure arithmetic over (tokens, last refill time); no clock, no I/O.

A bucket holds at most `burst` tokens and refills at `rate` tokens per second; a request takes one.
When it is empty the answer carries how long until one token is back (the Retry-After header).
A bucket is the pair of floats `(tokens, updated_at)`: the limiter checks one on every request, and a
pair costs a fraction of the two frozen records per request it used to take.
"""
import math

Bucket = tuple[float, float]  # (tokens, updated_at)


def full_bucket(burst: int, now: float) -> Bucket:
    return float(burst), now


def take_token(bucket: Bucket, *, now: float, rate: float, burst: int) -> tuple[Bucket, int]:
    """Refill for the time elapsed, then take one token if there is one: the bucket after, and 0 when a
    token was taken, else the whole seconds (at least 1) until one is back."""
    tokens, updated_at = bucket
    tokens = min(float(burst), tokens + max(0.0, now - updated_at) * rate)
    if tokens >= 1.0:
        return (tokens - 1.0, now), 0
    wait = (1.0 - tokens) / rate if rate > 0 else 3600.0
    return (tokens, now), max(1, math.ceil(wait))
