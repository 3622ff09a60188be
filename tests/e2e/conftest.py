"""End-to-end fixtures: a tenant per test module and an API client for it."""
import httpx
import pytest

from tests.e2e.support import create_tenant


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def gateway_url(stack) -> str:
    return stack.ports.url("gateway")


@pytest.fixture(scope="module")
def tenant(stack) -> dict:
    return create_tenant(stack)


@pytest.fixture(scope="module")
def api(gateway_url, tenant):
    with httpx.Client(base_url=gateway_url, headers={"Authorization": f"Bearer {tenant['api_key']}"},
                      timeout=30) as client:
        yield client
