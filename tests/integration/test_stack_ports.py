"""A stack refuses to start on ports another process holds: its health checks would otherwise reach
that other stack's services and pass."""
import socket

import pytest

from tools.devstack.stack import Stack, port_taken, refuse_taken_ports
from tools.devstack.topology import Ports

pytestmark = pytest.mark.integration


@pytest.fixture
def listener():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as held:
        held.bind(("127.0.0.1", 0))
        held.listen()
        yield held.getsockname()[1]


def test_a_listening_port_is_taken_and_a_closed_one_is_not(listener):
    assert port_taken(listener)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    assert not port_taken(free)


def test_a_stack_whose_gateway_port_is_held_refuses_to_start(listener, tmp_path):
    ports = Ports.offset(listener - Ports().gateway)
    with pytest.raises(RuntimeError, match=f"gateway {listener}"):
        refuse_taken_ports(ports)
    stack = Stack(tmp_path / "run", ports, environment="test")
    with pytest.raises(RuntimeError, match="ports already in use"):
        stack.start_infrastructure()
    assert not (tmp_path / "run" / "pgdata").exists()
