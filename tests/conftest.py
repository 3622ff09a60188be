"""Fixtures shared by the suite. The stack (Kafka, Postgres, the services as processes) starts once
per session, only when an integration or e2e test asks for it."""
import contextlib
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# TEST_PORT_OFFSET lets two suites run side by side on one machine (each its own ports and run folder).
PORT_OFFSET = int(os.environ.get("TEST_PORT_OFFSET", "10000"))
TEST_RUN_DIR = ROOT / ".run" / ("test" if PORT_OFFSET == 10000 else f"test-{PORT_OFFSET}")
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def infrastructure():
    """Kafka and Postgres (with topics and migrations), no services yet."""
    from tools.devstack.stack import Stack
    from tools.devstack.topology import Ports

    shutil.rmtree(TEST_RUN_DIR, ignore_errors=True)
    os.environ.setdefault("LOG_LEVEL", "INFO")
    test_stack = Stack(TEST_RUN_DIR, Ports.offset(PORT_OFFSET), environment="test", durable=False,
                       kafka_tls=os.environ.get("KAFKA_TLS") == "1")  # KAFKA_TLS=1: the broker on SASL_SSL
    os.environ.update(test_stack.operator_env())  # the tests' own Kafka clients log in as the operator
    # The webhook tests run their receiver on 127.0.0.1 over http: allowed only by this test-only switch.
    test_stack.specs["gateway"].env["WEBHOOK_ALLOW_LOOPBACK_RECEIVERS"] = "true"
    try:
        test_stack.start_infrastructure()
        yield test_stack
    finally:
        test_stack.stop()
        _keep_logs()


@pytest.fixture(scope="session")
def stack(infrastructure):
    """The whole platform: the five services and the payer simulator as real processes."""
    if not infrastructure.processes:
        infrastructure.start_services()
    return infrastructure


@contextlib.contextmanager
def service_paused(infrastructure, name: str):
    """The service stopped while a test works on its database directly, if the end-to-end tests started it:
    its loops would act on the test's rows (its outbox relay deletes the events it sends, for one)."""
    running = name in infrastructure.processes
    if running:
        infrastructure.stop_service(name)
    try:
        yield
    finally:
        if running:
            infrastructure.start_service(name)
            infrastructure.wait_healthy(name)


def _keep_logs() -> None:
    """Service logs outlive the run folder: CI and the PHI scan read them from test-artifacts/."""
    source = TEST_RUN_DIR / "logs"
    if source.exists():
        target = ARTIFACTS / "logs"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(source, target)
