"""The chaos run's fault plan is a pure function of seed, encounters and kinds."""
import pytest

from tools.chaos.schedule import EARLIEST, FAULT_KINDS, LATEST, SERVICES, plan

pytestmark = pytest.mark.unit


def test_same_seed_same_plan_and_another_seed_another():
    assert plan(7, 300) == plan(7, 300)
    assert plan(7, 300) != plan(8, 300)
    assert plan(7, 300) != plan(7, 301)


def test_the_short_run_breaks_everything_once_after_a_fifth_of_the_encounters():
    faults = plan(1, 300)
    assert sorted(f.kind for f in faults) == sorted(FAULT_KINDS)
    assert all(EARLIEST <= f.at <= LATEST for f in faults)
    assert all(f.trigger(300) >= 60 for f in faults)
    assert [f.at for f in faults] == sorted(f.at for f in faults)
    assert {f"kill:{s}" for s in SERVICES} <= {f.kind for f in faults}


def test_duplicates_are_one_percent_and_poison_a_tenth_of_that_at_least_one():
    def total(faults, kind):
        return sum(f.count for f in faults if f.kind == kind)

    assert total(plan(1, 300), "duplicates") == 3 and total(plan(1, 300), "poison") == 1
    long_run = plan(1, 100_000)
    assert total(long_run, "duplicates") == 1000 and total(long_run, "poison") == 100
    assert sum(f.kind == "kill:claims" for f in long_run) == 20


def test_a_subset_of_kinds_and_unknown_kinds():
    assert {f.kind for f in plan(3, 500, ("kafka:kill", "poison"))} == {"kafka:kill", "poison"}
    with pytest.raises(ValueError):
        plan(3, 500, ("kill:everything",))
