"""The data benchmark's interleaved comparison: the two databases take turns read by read, the first
alternating round by round (ABBA), both warmed once before the first round, the samples of every round pool into one p50/p95 per database,
and each round's own ratio shows how stable the pooled ratio is."""
import pytest

from tools.bench_data import reads as reads_module
from tools.bench_data import rounds
from tools.bench_data.__main__ import compare

pytestmark = pytest.mark.unit


def _slot(database: str, **p50s: float) -> dict:
    return {"database": database, "reads": {name: {"p50_ms": p50, "samples_ms": [p50]} for name, p50 in p50s.items()}}


def test_the_rounds_alternate_which_database_goes_first():
    assert rounds.order(("empty", "full"), 4) == ["empty", "full", "full", "empty", "empty", "full", "full", "empty"]
    assert rounds.order(("empty", "full"), 1) == ["empty", "full"]
    assert rounds.order(("phase",), 3) == ["phase"] * 3


def test_the_requests_are_spread_over_the_rounds_at_least_as_many_as_asked():
    assert rounds.per_round(100, 6) == 17 and rounds.per_round(96, 6) == 16
    assert rounds.per_round(3, 6) == 1


def test_every_sample_of_a_database_pools_into_its_percentiles():
    slots = [{"database": "empty", "reads": {"a": {"samples_ms": [1.0, 2.0, 3.0], "bytes": 10}}},
             {"database": "full", "reads": {"a": {"samples_ms": [10.0, 10.0], "bytes": 12}}},
             {"database": "full", "reads": {"a": {"samples_ms": [20.0, 20.0, 20.0], "bytes": 12}}},
             {"database": "empty", "reads": {"a": {"samples_ms": [4.0, 5.0], "bytes": 10}}}]
    both = rounds.pooled(slots)
    assert both["empty"]["a"] == {"n": 5, "p50_ms": 3.0, "p95_ms": 4.8, "bytes": 10}
    # Over the samples, not the rounds' p50s (10 and 20 would give 15).
    assert both["full"]["a"]["p50_ms"] == 20.0 and both["full"]["a"]["n"] == 5


def test_each_round_compares_its_own_two_slots_and_the_spread_is_their_range():
    slots = [_slot("empty", a=2.0, b=4.0), _slot("full", a=2.2, b=4.0),
             _slot("full", a=3.0, b=8.0), _slot("empty", a=2.0, b=4.0),
             _slot("empty", a=4.0, b=4.0), _slot("full", a=4.8, b=4.4)]
    ratios = rounds.round_ratios(slots)
    assert ratios == {"a": [1.1, 1.5, 1.2], "b": [1.0, 2.0, 1.1]}
    assert rounds.spread(ratios["a"]) == {"round_p50_ratios": [1.1, 1.5, 1.2], "round_ratio_min": 1.1,
                                          "round_ratio_max": 1.5}


def test_a_round_cut_short_by_a_stop_gives_no_ratio():
    slots = [_slot("empty", a=2.0), _slot("full", a=3.0), _slot("full", a=4.0)]
    assert rounds.round_ratios(slots) == {"a": [1.5]}


def test_the_pooled_ratio_decides_the_target_and_the_rounds_spread_stands_beside_it():
    empty = {"a": {"p50_ms": 10.0, "p95_ms": 20.0}}
    full = {"a": {"p50_ms": 11.0, "p95_ms": 22.0}}
    row = compare(empty, full, round_ratios={"a": [0.9, 1.3, 1.1]})["a"]
    assert row["p50_ratio"] == 1.1 and row["within_target"]
    assert (row["round_ratio_min"], row["round_ratio_max"]) == (0.9, 1.3)
    assert "round_ratio_min" not in compare(empty, full)["a"]


def test_both_databases_are_warmed_first_then_take_turns_read_by_read_the_first_alternating(monkeypatch):
    calls = []

    class Reader:
        def __init__(self, stack, tenant):
            self.database = stack

        def params(self, read):
            return {}

        def get(self, read, params):
            calls.append(("warm", self.database, read.name))

        def time(self, read, params, count, budget_seconds):
            calls.append(("timed", self.database, read.name, count, budget_seconds))
            return {**rounds.figures([1.0] * count, 5), "samples_ms": [1.0] * count}

        def close(self):
            calls.append(("closed", self.database))

    monkeypatch.setattr(reads_module, "Reader", Reader)
    measured = reads_module.measure_rounds({"empty": ("empty", {}, "c"), "full": ("full", {}, "c")}, rounds=4,
                                           count=3, warmup=2, budget_seconds=20, log=lambda *a, **k: None)
    names = [read.name for read in reads_module.reads("c")]
    timed = [call for call in calls if call[0] == "timed"]
    warmed = [call[1:] for call in calls[:calls.index(timed[0])]]
    assert warmed == [(database, name) for database in ("empty", "full") for _ in range(2) for name in names]
    pairs = [("empty", "full"), ("full", "empty")] * 2
    assert [call[1:3] for call in timed] == [(database, name) for first, second in pairs for name in names
                                             for database in (first, second)]
    assert all(call[3:] == (3, 5.0) for call in timed)
    assert [slot["database"] for slot in measured["slots"]] == rounds.order(("empty", "full"), 4)
    assert [slot["round"] for slot in measured["slots"]] == [1, 1, 2, 2, 3, 3, 4, 4]
    assert all(list(slot["reads"]) == names for slot in measured["slots"])
    assert sorted(call[1] for call in calls if call[0] == "closed") == ["empty", "full"]
