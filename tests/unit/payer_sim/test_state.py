"""The simulator's memory: one transaction per interchange, and only the members billed are read back."""
import tempfile
from datetime import date

import pytest

from tools.payer_sim.state import SimState

pytestmark = pytest.mark.unit


def _state() -> SimState:
    return SimState(tempfile.mktemp(suffix=".sqlite3"))


def test_an_interchange_that_fails_half_way_leaves_nothing_behind():
    state = _state()
    with pytest.raises(RuntimeError), state.transaction():
        state.remember_services("m", {("A1", date(2026, 11, 2), "99213")})
        state.record_submission("000000001", "m", "{}")
        raise RuntimeError("adjudication failed")
    assert state.seen_services("m", {"A1"}) == set()
    with state.transaction():
        state.remember_services("m", {("A1", date(2026, 11, 2), "99213")})
    assert state.seen_services("m", {"A1"}) == {("A1", date(2026, 11, 2), "99213")}


def test_services_are_read_back_for_the_members_asked_only():
    state = _state()
    state.remember_services("m", {("A1", date(2026, 11, 2), "99213"), ("B2", None, "80053")})
    state.remember_services("other", {("A1", date(2026, 11, 2), "99214")})
    assert state.seen_services("m", {"A1"}) == {("A1", date(2026, 11, 2), "99213")}
    assert state.seen_services("m", {"B2", "C3"}) == {("B2", None, "80053")}
    assert state.seen_services("m", set()) == set()
