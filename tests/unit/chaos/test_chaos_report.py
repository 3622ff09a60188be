"""The result file carries the headline figures and says which invariants failed."""
import json
from collections import Counter
from datetime import datetime, timezone
from types import SimpleNamespace

import pytest

from tools.chaos import report
from tools.chaos.faults import Outcome
from tools.chaos.load import Load
from tools.chaos.run import Options
from tools.chaos.schedule import plan

pytestmark = pytest.mark.unit


def _result(**overrides) -> dict:
    return {"lost": 0, "duplicated": 0, "regressed": 0, "dead_lettered": 1, "poison_injected": 1,
            "cash_equals_deposits": True, "debits_equal_credits": True, "ledger_hash_stable_after_replay": True,
            "duration_s": 12.5, "settle": {}, "ledger_hash": {}, "ledger_hash_after_replay": {}, "replay": {},
            "details": {"dead_letters": {"poison_dead_lettered": 1}}, **overrides}


def _run():
    load = Load(3, accepted=["a", "b", "c"])
    outcomes = [Outcome("poison", 1.0, messages=1, health_s=0.2, lag_s=0.4),
                Outcome("kill:claims", 2.0, health_s=3.0, lag_s=None)]
    return SimpleNamespace(load=load, outcomes=outcomes, plan=plan(1, 3), crashes=Counter())


def test_the_report_names_an_unrecovered_fault_and_fails(tmp_path):
    built = report.build(Options(encounters=3), _run(), _result(), datetime.now(timezone.utc))
    assert built["faults"] == {"poison": 1, "kill:claims": 1} and built["encounters"] == 3
    assert built["unrecovered"] == ["kill:claims"] and not built["passed"]
    path = report.write(built, tmp_path)
    assert path.name.startswith("chaos-") and json.loads(path.read_text())["seed"] == 1


def test_a_clean_run_passes():
    run = _run()
    run.outcomes[1].lag_s = 5.0
    built = report.build(Options(encounters=3), run, _result(), datetime.now(timezone.utc))
    assert built["failures"] == [] and built["passed"]
