"""Token buckets and the circuit breaker: pure transitions with an explicit clock."""
import pytest

from services.gateway.domain import circuit as cb
from services.gateway.domain.rate_limit import full_bucket, take_token
from services.gateway.entrypoints.rate_limits import Limit, RateLimiter
from shared.http.problems import Problem

pytestmark = pytest.mark.unit


def test_a_bucket_allows_its_burst_then_says_when_to_come_back():
    bucket = full_bucket(3, now=0.0)
    for _ in range(3):
        bucket, retry_after = take_token(bucket, now=0.0, rate=0.5, burst=3)
        assert retry_after == 0
    refused, retry_after = take_token(bucket, now=0.0, rate=0.5, burst=3)
    assert retry_after == 2 and refused == (0.0, 0.0)
    assert take_token(refused, now=2.0, rate=0.5, burst=3) == ((0.0, 2.0), 0)


def test_a_bucket_never_refills_past_its_burst():
    bucket, _ = take_token(full_bucket(2, now=0.0), now=0.0, rate=10, burst=2)
    later, retry_after = take_token(bucket, now=1000.0, rate=10, burst=2)
    assert later == (1.0, 1000.0) and retry_after == 0


def test_a_bucket_refills_by_the_time_elapsed_and_a_clock_going_back_adds_nothing():
    bucket, _ = take_token((0.25, 10.0), now=10.5, rate=1.0, burst=5)
    assert bucket == (0.75, 10.5)
    assert take_token(bucket, now=9.0, rate=1.0, burst=5) == ((0.75, 9.0), 1)
    assert take_token((0.0, 0.0), now=0.0, rate=0, burst=1)[1] == 3600


def test_limiter_keeps_one_bucket_per_tenant_and_honours_a_tenant_limit():
    now = [0.0]
    limiter = RateLimiter(Limit(rate=1, burst=1), clock=lambda: now[0])
    limiter.check("a")
    limiter.check("b")
    with pytest.raises(Problem) as refused:
        limiter.check("a")
    assert refused.value.status == 429 and refused.value.headers["Retry-After"] == "1"
    for _ in range(5):
        limiter.check("c", Limit(rate=1, burst=5))


def test_breaker_opens_after_threshold_failures_and_refuses_until_reset():
    circuit = cb.Circuit()
    for t in range(3):
        assert cb.admit(circuit, now=t, reset_seconds=5).allowed
        circuit = cb.record_failure(circuit, now=t, threshold=3)
    assert circuit.state is cb.State.OPEN
    refused = cb.admit(circuit, now=3, reset_seconds=5)
    assert not refused.allowed and refused.retry_after_seconds == 4


def test_half_open_lets_one_probe_through_and_its_result_decides():
    circuit = cb.Circuit(cb.State.OPEN, failures=5, opened_at=0)
    probe = cb.admit(circuit, now=5, reset_seconds=5)
    assert probe.allowed and probe.circuit.state is cb.State.HALF_OPEN
    assert not cb.admit(probe.circuit, now=5.1, reset_seconds=5).allowed  # one probe at a time
    reopened = cb.record_failure(probe.circuit, now=6, threshold=5)
    assert reopened.state is cb.State.OPEN and reopened.opened_at == 6
    assert cb.record_success(probe.circuit).state is cb.State.CLOSED


def test_a_success_resets_the_count_of_consecutive_failures():
    circuit = cb.record_failure(cb.Circuit(), now=0, threshold=2)
    circuit = cb.record_success(circuit)
    assert cb.record_failure(circuit, now=1, threshold=2).state is cb.State.CLOSED


def test_an_abandoned_probe_frees_the_half_open_circuit():
    probe = cb.admit(cb.Circuit(cb.State.OPEN, 5, opened_at=0), now=10, reset_seconds=5).circuit
    assert cb.admit(cb.release_probe(probe), now=10, reset_seconds=5).allowed
