"""Where webhooks may go: https to global addresses only, every resolved address checked, at
registration and again before each delivery (server-side request forgery)."""
import ipaddress

import httpx
import pytest

from services.gateway.domain.webhooks import address_problem, addresses_problem, target_url_problem
from services.gateway.webhooks import delivery, targets

pytestmark = pytest.mark.unit
PAYLOAD = {"id": "6a0e7a53-7f3f-4a53-9d1e-3b0f0c9f1d20", "type": "claim.paid", "data": {}}


def _ip(text: str):
    return ipaddress.ip_address(text)


@pytest.mark.parametrize("address", [
    "127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1",
    "169.254.169.254", "fe80::1", "fc00::1", "0.0.0.0", "::", "224.0.0.1", "ff02::1", "240.0.0.1",
    "255.255.255.255", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "64:ff9b::a9fe:a9fe", "2002:a00:1::",
])
def test_private_loopback_and_reserved_addresses_are_refused(address):
    assert address_problem(_ip(address), allow_loopback=False) is not None


@pytest.mark.parametrize("address", ["8.8.8.8", "2606:4700:4700::1111"])
def test_global_addresses_are_accepted(address):
    assert address_problem(_ip(address), allow_loopback=False) is None


def test_allowing_local_receivers_allows_loopback_and_nothing_else():
    assert address_problem(_ip("127.0.0.1"), allow_loopback=True) is None
    assert address_problem(_ip("::ffff:127.0.0.1"), allow_loopback=True) is None
    assert address_problem(_ip("10.0.0.1"), allow_loopback=True) is not None
    assert address_problem(_ip("169.254.169.254"), allow_loopback=True) is not None


def test_every_resolved_address_counts():
    assert addresses_problem("https", [_ip("8.8.8.8"), _ip("10.0.0.1")], allow_loopback=False) is not None
    assert addresses_problem("https", [], allow_loopback=False) == "does not resolve to an address"


def test_plain_http_only_to_a_local_receiver():
    assert addresses_problem("http", [_ip("8.8.8.8")], allow_loopback=False) == "must use https"
    assert addresses_problem("http", [_ip("8.8.8.8")], allow_loopback=True) == "must use https"
    assert addresses_problem("http", [_ip("127.0.0.1")], allow_loopback=True) is None


@pytest.mark.parametrize("url", ["ftp://example.com/x", "https:///x", "https://user:pw@example.com/",
                                 "https://example.com:99999/"])
def test_malformed_urls_are_refused(url):
    assert target_url_problem(url) is not None


async def test_a_host_name_is_judged_by_what_it_resolves_to():
    problem, target = await targets.check("http://localhost:9/hook", allow_loopback=False)
    assert problem == "must not point at a loopback address" and target is None
    problem, _ = await targets.check("https://no-such-host.invalid/hook", allow_loopback=False)
    assert problem == "does not resolve to an address"


async def test_a_checked_target_is_pinned_to_the_address_that_was_checked():
    problem, target = await targets.check("http://localhost:9000/hook?x=1", allow_loopback=True)
    assert problem is None
    assert target.url in ("http://127.0.0.1:9000/hook?x=1", "http://[::1]:9000/hook?x=1")
    assert target.host_header == "localhost:9000" and target.sni_hostname == "localhost"


async def test_a_delivery_to_a_target_that_now_resolves_privately_is_not_made():
    calls = []
    client = httpx.AsyncClient(transport=httpx.MockTransport(lambda r: calls.append(r) or httpx.Response(200)))
    status, error, _, _ = await delivery._post(client, "https://169.254.169.254/latest", "whsec", PAYLOAD,
                                               allow_loopback=False)
    assert calls == [] and status is None
    assert error == "not called: the URL must not point at a reserved, multicast or link-local address"


async def test_a_delivery_to_a_local_receiver_carries_the_original_host():
    seen = []
    client = httpx.AsyncClient(transport=httpx.MockTransport(lambda r: seen.append(r) or httpx.Response(204)))
    status, error, _, _ = await delivery._post(client, "http://127.0.0.1:9000/ok", "whsec", PAYLOAD,
                                               allow_loopback=True)
    assert (status, error) == (204, None)
    assert str(seen[0].url) == "http://127.0.0.1:9000/ok" and seen[0].headers["host"] == "127.0.0.1:9000"
