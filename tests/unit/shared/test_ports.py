"""A stack's ports by offset: any offset a developer picks gives ports the machine can open."""
import pytest

from tools.devstack.topology import Ports

pytestmark = pytest.mark.unit


def test_offsets_move_every_port():
    assert Ports.offset(2000).gateway == 10000 and Ports.offset(2000).postgres == 56329


def test_postgres_stays_in_the_port_range_for_large_offsets():
    for delta in (11300, 13500, 17000):
        ports = Ports.offset(delta)
        assert ports.postgres == delta + 329 <= 65535
        assert len(set(vars(ports).values())) == len(vars(ports))


def test_an_offset_outside_the_range_is_refused_with_a_reason():
    with pytest.raises(ValueError, match="port offset"):
        Ports.offset(60000)
