"""The gateway's circuit breaker to a service: per tenant, and only failures of the service count."""
import httpx
import pytest

from shared.http.problems import Problem
from shared.internal_auth import Caller
from services.gateway.adapters.upstream import Upstream
from services.gateway.domain import circuit as cb

pytestmark = pytest.mark.unit
NOISY, QUIET = Caller("tenant-noisy", "k1"), Caller("tenant-quiet", "k2")


def _service(calls: list[str]) -> httpx.MockTransport:
    def answer(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        status = {"/fail": 500, "/bad": 422}.get(request.url.path, 200)
        return httpx.Response(status, json={"title": "x"})

    return httpx.MockTransport(answer)


def _upstream(calls: list[str]) -> Upstream:
    return Upstream("payments", "http://payments", secret="s", timeout=1, breaker_threshold=5,
                    breaker_reset_seconds=5, clock=lambda: 0.0, transport=_service(calls))


async def test_one_tenants_failures_never_open_the_circuit_for_another():
    calls: list[str] = []
    upstream = _upstream(calls)
    for _ in range(5):
        assert (await upstream.request("GET", "/fail", NOISY)).status_code == 500
    with pytest.raises(Problem) as refused:
        await upstream.request("GET", "/ok", NOISY)
    assert refused.value.status == 503 and calls.count("/ok") == 0
    for _ in range(10):
        assert (await upstream.request("GET", "/ok", QUIET)).status_code == 200
    assert upstream.circuit(QUIET.tenant_id).state is cb.State.CLOSED


async def test_client_errors_never_count_as_failures():
    upstream = _upstream([])
    for _ in range(20):
        assert (await upstream.request("GET", "/bad", NOISY)).status_code == 422
    assert upstream.circuit(NOISY.tenant_id) == cb.Circuit()
    assert (await upstream.request("GET", "/ok", NOISY)).status_code == 200


@pytest.mark.parametrize("status,fails", [(400, False), (404, False), (422, False), (429, False), (500, True),
                                          (503, True)])
def test_only_server_errors_count(status, fails):
    assert cb.counts_as_failure(status) is bool(fails)


async def test_a_success_resets_the_count_and_a_probe_after_the_reset_time_closes_the_circuit_again():
    calls: list[str] = []
    now = [0.0]
    upstream = Upstream("payments", "http://payments", secret="s", timeout=1, breaker_threshold=3,
                        breaker_reset_seconds=5, clock=lambda: now[0], transport=_service(calls))
    for _ in range(2):
        await upstream.request("GET", "/fail", NOISY)
    await upstream.request("GET", "/ok", NOISY)
    assert upstream.circuit(NOISY.tenant_id) == cb.Circuit()  # healthy again: two more failures do not open it
    for _ in range(2):
        await upstream.request("GET", "/fail", NOISY)
    assert upstream.circuit(NOISY.tenant_id).failures == 2
    await upstream.request("GET", "/fail", NOISY)
    with pytest.raises(Problem):
        await upstream.request("GET", "/ok", NOISY)
    now[0] = 5.0
    assert (await upstream.request("GET", "/ok", NOISY)).status_code == 200  # the probe
    assert upstream.circuit(NOISY.tenant_id) == cb.Circuit() and calls.count("/ok") == 2
