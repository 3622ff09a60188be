"""`make run`'s supervisor restarts a process only after repeated liveness failures once it was up."""
import pytest

from tools.devstack.stack import LivenessTracker

pytestmark = pytest.mark.unit


def test_restart_after_three_failures_in_a_row():
    tracker = LivenessTracker(threshold=3)
    assert not tracker.record("claims", True)
    assert [tracker.record("claims", False) for _ in range(3)] == [False, False, True]


def test_a_healthy_answer_resets_the_count():
    tracker = LivenessTracker(threshold=3)
    tracker.record("claims", True)
    tracker.record("claims", False)
    tracker.record("claims", False)
    tracker.record("claims", True)
    assert not tracker.record("claims", False)


def test_a_starting_process_is_not_counted_as_failing():
    tracker = LivenessTracker(threshold=2)
    assert not any(tracker.record("coding", False) for _ in range(5))
    assert not any(tracker.record("coding", None) for _ in range(5))


def test_after_a_restart_the_count_starts_over():
    tracker = LivenessTracker(threshold=2)
    tracker.record("denials", True)
    tracker.record("denials", False)
    tracker.forget("denials")
    assert not tracker.record("denials", False)
