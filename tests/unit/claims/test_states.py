"""The claim state machine: which steps move a claim, and that none ever moves it back."""
import itertools

import pytest

from services.claims.domain.states import PAYER_ANSWERS, REOPENED, STAGE, TRANSITIONS, decide, goes_back

pytestmark = pytest.mark.unit
STATES = sorted(TRANSITIONS)
PAIRS = list(itertools.product(STATES, STATES))
PAST_SUBMITTED = [s for s in STATES if STAGE[s] > STAGE["submitted"]]


def test_every_state_has_a_stage():
    assert set(STAGE) == set(TRANSITIONS)
    assert all(target in TRANSITIONS for targets in TRANSITIONS.values() for target in targets)


@pytest.mark.parametrize("current,target", [(c, t) for c, targets in TRANSITIONS.items() for t in targets])
def test_no_allowed_move_goes_back(current, target):
    assert not goes_back(current, target)


@pytest.mark.parametrize("current,proposed", PAIRS)
def test_a_step_never_lowers_the_stage(current, proposed):
    step = decide(current, proposed)
    assert STAGE[step.status] >= STAGE[current] or (current, proposed) in REOPENED


@pytest.mark.parametrize("current,proposed", PAIRS)
def test_a_refused_step_keeps_the_state_and_names_its_target(current, proposed):
    step = decide(current, proposed)
    if proposed in TRANSITIONS[current]:
        assert (step.status, step.moved) == (proposed, True)
    else:
        assert (step.status, step.moved, step.ignored, step.proposed) == (current, False, True, proposed)


@pytest.mark.parametrize("current,proposed", [(c, p) for c, p in PAIRS if goes_back(c, p)])
def test_a_step_backwards_is_ignored(current, proposed):
    assert decide(current, proposed).ignored


@pytest.mark.parametrize("answer", sorted(PAYER_ANSWERS))
def test_a_payer_answer_moves_a_claim_still_being_submitted(answer):
    assert decide("submitting", answer) == decide("submitted", answer)
    assert decide("submitting", answer).moved


@pytest.mark.parametrize("current", PAST_SUBMITTED + ["rejected"])
def test_a_late_submitted_step_never_overwrites_an_answer(current):
    step = decide(current, "submitted")
    assert step.ignored and step.status == current


@pytest.mark.parametrize("current", ["submitted", "accepted", "paid", "closed"])
def test_submitting_comes_only_from_ready(current):
    assert decide(current, "submitting").ignored
    assert decide("ready", "submitting").moved


@pytest.mark.parametrize("proposed", STATES)
def test_a_voided_claim_stays_voided(proposed):
    assert decide("voided", proposed).status == "voided"


def test_the_fix_queue_reopens_a_rejected_claim():
    assert decide("rejected", "held").moved and decide("rejected", "ready").moved
    assert decide("paid", "held").ignored and decide("accepted", "ready").ignored


def test_the_observed_race_ends_paid_without_going_back():
    status, seen = "ready", ["ready"]
    for proposed in ("submitting", "accepted", "paid", "submitted"):
        status = decide(status, proposed).status
        seen.append(status)
    assert status == "paid"
    assert seen == ["ready", "submitting", "accepted", "paid", "paid"]
    assert all(STAGE[b] >= STAGE[a] for a, b in zip(seen, seen[1:]))


def test_an_unknown_state_is_a_programming_error():
    with pytest.raises(ValueError):
        decide("paid", "settled")
