"""The checker's pure parts: timeline steps, where a claim counts as finished, the failure list."""
import pytest

from tools.chaos.checker import failures
from tools.chaos.flow_checks import backward_steps, claim_place, lost_summary
from tools.chaos.progress import line

pytestmark = pytest.mark.unit

PASSING = {"lost": 0, "regressed": 0, "duplicated": 0, "dead_lettered": 2, "poison_injected": 2,
           "poison_dead_lettered": 2, "cash_equals_deposits": True, "debits_equal_credits": True,
           "ledger_hash_stable_after_replay": True, "unrecovered": []}


def test_a_late_submission_step_that_moved_an_acknowledged_claim_back_shows():
    assert backward_steps(["built", "ready", "submitting", "submitted", "accepted", "paid"]) == []
    assert backward_steps(["built", "ready", "submitting", "accepted", "accepted", "paid"]) == []
    assert backward_steps(["built", "ready", "submitting", "accepted", "submitted"]) == [("accepted", "submitted")]
    assert backward_steps(["paid", "paid", "closed"]) == []


def test_terminal_claims_and_work_queues_count_as_accounted_for():
    assert claim_place("paid", 0) == "done" and claim_place("denied", 0) == "done"
    assert claim_place("held", 2) == "queue" and claim_place("rejected", 0) == "queue"
    assert claim_place("held", 0) is None and claim_place("submitted", 0) is None


def test_lost_counts_stuck_encounters_and_accepted_ones_the_gateway_never_stored():
    found = {"e1": "done", "e2": "queue", "e3": "claim:submitted", "e4": "dlq"}
    summary = lost_summary(found, {"e1", "e2", "e3", "e4", "e5"})
    assert summary["lost"] == 2 and summary["stuck_at"] == {"claim:submitted": 1}
    assert summary["accepted_but_not_stored"] == 1


def test_failures_name_each_broken_invariant():
    assert failures(PASSING) == []
    broken = failures({**PASSING, "lost": 3, "dead_lettered": 5, "cash_equals_deposits": False})
    assert broken == ["lost 3 encounters", "dead-lettered 5 != poison injected 2", "posted cash differs from BPR02"]


def test_the_progress_line_shows_accepted_terminal_and_faults():
    text = line(150, 300, 90, 4, 13, "kafka:kill")
    assert "accepted 150/300" in text and "terminal 90" in text and "faults 4/13 kafka:kill" in text
