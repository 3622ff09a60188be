"""`python -m tools.bench.pipeline --paced [RATE]`: the latency phase alone, at RATE or at half the burst's
rate as `make bench` runs it, on a stack that is stopped whatever happens."""
import json

import pytest

from tools.bench import pipeline

pytestmark = pytest.mark.unit


class _Stack:
    def __init__(self):
        self.stopped = False

    def start_infrastructure(self):
        pass

    def start_services(self):
        pass

    def stop(self):
        self.stopped = True


@pytest.fixture
def stack(monkeypatch):
    stack, offered = _Stack(), []
    monkeypatch.setattr(pipeline, "bench_stack", lambda: stack)
    monkeypatch.setattr(pipeline, "burst", lambda s, count, label: {
        "end_to_end_per_s": 150.0, "cpu_ms_per_encounter": 9.5, "cpu_ms_per_encounter_by_process": {"claims": 2.4}})

    def paced(s, per_second, seconds):
        offered.append((per_second, seconds))
        return {"offered_per_s": per_second, "latency": {}}

    monkeypatch.setattr(pipeline, "paced", paced)
    stack.offered = offered
    return stack


def test_without_a_rate_the_load_is_half_the_bursts_rate(stack, capsys):
    pipeline.main(["--paced", "--seconds", "20"])

    assert stack.offered == [(75.0, 20.0)] and stack.stopped
    printed = json.loads(capsys.readouterr().out)
    assert printed["end_to_end_per_s"] == 150.0 and printed["offered_per_s"] == 75.0


def test_a_given_rate_is_used_and_the_burst_can_be_left_out(stack, capsys):
    pipeline.main(["--paced", "40", "--burst", "0"])

    assert stack.offered == [(40.0, 60.0)]
    assert "end_to_end_per_s" not in json.loads(capsys.readouterr().out)


def test_half_of_no_burst_is_refused(stack):
    with pytest.raises(SystemExit):
        pipeline.main(["--paced", "--burst", "0"])
    assert stack.offered == []


def test_the_stack_is_stopped_when_a_phase_fails(stack, monkeypatch):
    def fails(*_):
        raise RuntimeError("not all posted")

    monkeypatch.setattr(pipeline, "paced", fails)
    with pytest.raises(RuntimeError):
        pipeline.main(["--paced", "30"])
    assert stack.stopped
