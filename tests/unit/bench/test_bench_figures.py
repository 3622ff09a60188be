"""The benchmark's arithmetic and its result file: what `make bench` reports must mean what it says."""
import json
import math

import pytest

from tools.bench import hops, results, stages, stats
from tools.bench.pipeline import bench_ports

pytestmark = pytest.mark.unit


def test_percentiles_interpolate_between_ranks_like_numpy():
    values = [10, 20, 30, 40, 50]
    assert stats.percentile(values, 50) == 30
    assert stats.percentile(values, 95) == pytest.approx(48)
    assert stats.percentile([5], 99) == 5
    assert math.isnan(stats.percentile([], 50))
    assert stats.percentile(list(range(101)), 99) == pytest.approx(99)


def test_latency_summary_names_its_percentiles():
    summary = stats.latency_summary([1.0, 2.0, 3.0])
    assert summary == {"n": 3, "p50_ms": 2.0, "p95_ms": pytest.approx(2.9), "p99_ms": pytest.approx(2.98)}


def test_ratios_and_pipeline_efficiency():
    assert stats.ratio(130, 100) == 1.3
    assert math.isnan(stats.ratio(1, 0))
    # 50 encounters/s x 9 deliveries each = 450 deliveries/s of a broker that does 4,500: 10%.
    assert stats.pipeline_efficiency(50, 9, 4500) == pytest.approx(0.1)


def test_sustained_rate_leaves_out_ramp_and_drain():
    steady = [i / 100 for i in range(100)]  # 100 events/s
    ramp = [-5.0, -4.0]  # two early stragglers would halve a first-to-last rate
    assert stats.sustained_rate(ramp + steady) == pytest.approx(100, rel=0.05)
    assert math.isnan(stats.sustained_rate([1, 2, 3]))


def test_timelines_join_the_services_rows_by_encounter_and_claim():
    timelines = stages.assemble(gateway=[("e1", 0.0), ("e2", 0.5)], coding=[("e1", 0.1)],
                                claims=[("e1", "c1", 0.2, 1.0, 1.2, 0.5, 0.8), ("e2", "c2", 0.7, None, None, 0.9, None)],
                                payments=[("c1", 2.0)])
    assert timelines["e1"] == {"received": 0.0, "coded": 0.1, "built": 0.2, "verified": 0.5, "batched": 0.8,
                               "submitted": 1.0, "acknowledged": 1.2, "posted": 2.0}
    assert timelines["e2"] == {"received": 0.5, "built": 0.7, "verified": 0.9}
    latency = stages.stage_latencies(timelines)
    assert latency["encounter->submitted"]["n"] == 1 and latency["encounter->submitted"]["p99_ms"] == 1000.0
    assert latency["received->coded"]["p50_ms"] == pytest.approx(100)
    assert latency["built->submitted"]["p50_ms"] == pytest.approx(800)  # the stage, whatever its steps
    assert latency["built->verified"]["n"] == 2 and latency["built->verified"]["p99_ms"] == pytest.approx(300, abs=1)
    assert latency["verified->batched"]["p50_ms"] == pytest.approx(300)
    assert latency["batched->submitted"]["p50_ms"] == pytest.approx(200)


def test_hops_count_the_deliveries_each_group_made():
    before = {"coding encounter.documented": 10, "claims claim.coded": 10, "claims tenant.registered": 3}
    after = {"coding encounter.documented": 20, "claims claim.coded": 20, "claims tenant.registered": 3}
    assert hops.per_encounter(before, after, 10) == {"coding encounter.documented": 1.0, "claims claim.coded": 1.0,
                                                     "total": 2.0}


def test_bench_ports_stay_in_their_own_thousand():
    ports = bench_ports(18000)
    values = [getattr(ports, name) for name in ports.__dataclass_fields__]
    assert all(18000 <= port < 19000 for port in values) and len(set(values)) == len(values)
    assert ports.gateway == 18000 and ports.kafka == 18092 and ports.postgres == 18329


def _result(**overrides) -> dict:
    result = {key: (kind() if kind is not float else 1.0) for key, kind in results.REQUIRED.items()}
    result |= {"timestamp": "20261201T200000Z", "durable": True, "load_average": {"before": [1.0, 1.0, 1.0]}}
    return result | overrides


def test_a_result_file_carries_every_required_figure(tmp_path):
    path = results.write(_result(end_to_end_per_s=math.nan), tmp_path)
    written = json.loads(path.read_text())
    assert path.name == "20261201T200000Z.json"
    assert written["end_to_end_per_s"] is None  # NaN is not JSON: a figure that could not be measured is null
    assert results.validate(_result()) == []
    assert results.validate({k: v for k, v in _result().items() if k != "p99_submit_ms"}) == ["missing p99_submit_ms"]
    assert results.validate(_result(errors=[])) == ["errors is list, not dict"]


def test_every_targeted_figure_is_scored_as_a_share_of_its_target():
    shares = results.score(_result(end_to_end_per_s=50.0, cpu_ms_per_encounter=40.0))
    assert shares["end_to_end_per_s"] == pytest.approx(0.1)  # higher is better: measured / target
    assert shares["cpu_ms_per_encounter"] == pytest.approx(0.1)  # lower is better: target / measured
    assert set(shares) <= set(results.TARGETS)


def test_the_committed_result_files_are_well_formed():
    for path in sorted(p for p in results.RESULTS_DIR.glob("*.json") if not p.name.startswith(("chaos-", "data-"))):
        assert results.validate(json.loads(path.read_text())) == [], path.name


def test_a_run_appends_its_row_to_the_runs_table(tmp_path):
    from tools.bench import runs_table

    doc = tmp_path / "BENCHMARKS.md"
    doc.write_text(f"{runs_table.HEADER}\n{runs_table.MARKER}\n")
    result = _result(end_to_end_per_s=31.25, errors={"direct": {"ReadError": 2}, "gateway": {"5xx:503": 1}},
                     raw={"durable": {"kafka_produce_consume_per_s": 6000.0}}, quick=True)
    runs_table.append(result, doc)
    lines = doc.read_text().splitlines()
    assert lines[1].startswith("| 20261201T200000Z |") and "| quick |" in lines[1] and "| 31.2 |" in lines[1]
    assert "| 3 |" in lines[1]  # errors of every kind, both paths
    assert lines[1].count("|") == runs_table.HEADER.count("|") and lines[2] == runs_table.MARKER
