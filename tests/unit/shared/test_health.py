"""Liveness judgement: a dead or stalled loop fails it, a recent turn passes."""
import pytest

from shared.health import LoopState, loop_problems, report

pytestmark = pytest.mark.unit


def test_running_loops_with_recent_turns_are_alive():
    states = [LoopState("consumer", True, 95.0), LoopState("outbox relay", True, 99.0)]
    assert loop_problems(states, now=100.0, stale_after=10) == []
    assert report("claims", []) == (200, {"status": "ok", "service": "claims"})


def test_a_dead_loop_fails_liveness():
    problems = loop_problems([LoopState("consumer", False, 99.0)], now=100.0, stale_after=10)
    assert problems == ["consumer is not running"]
    status, body = report("claims", problems)
    assert status == 503 and body["problems"] == problems


def test_a_loop_that_has_not_turned_in_time_fails_liveness():
    problems = loop_problems([LoopState("outbox relay", True, 80.0)], now=100.0, stale_after=10)
    assert problems == ["outbox relay has not completed a cycle in 10s"]
    assert loop_problems([LoopState("consumer", True, None)], now=100.0, stale_after=10)
