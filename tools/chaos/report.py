"""The result file: bench/results/chaos-<UTC timestamp>.json, the headline figures first."""
import json
from collections import Counter
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

from tools.chaos import checker

RESULTS = Path(__file__).resolve().parents[2] / "bench" / "results"


def build(options, run, result: dict, started_at: datetime) -> dict:
    outcomes = [asdict(o) for o in run.outcomes]
    unrecovered = [o["kind"] for o in outcomes if o["health_s"] is None or o["lag_s"] is None or o["error"]]
    report = {
        "seed": options.seed, "encounters": len(run.load.accepted), "encounters_target": options.encounters,
        **{k: result[k] for k in ("lost", "duplicated", "regressed", "dead_lettered", "poison_injected",
                                  "cash_equals_deposits", "debits_equal_credits", "ledger_hash_stable_after_replay")},
        "poison_dead_lettered": result["details"]["dead_letters"]["poison_dead_lettered"],
        "duplicates_injected": sum(o["messages"] for o in outcomes if o["kind"] == "duplicates"),
        "faults": dict(Counter(o["kind"] for o in outcomes)),
        "faults_planned": len(run.plan),
        "recovery_seconds": [{**{k: o[k] for k in ("kind", "at", "action_s", "health_s", "lag_s", "messages", "error")},
                              **o["detail"]} for o in outcomes],
        "unrecovered": unrecovered,
        "unplanned_restarts": dict(run.crashes),
        "load": {"refused": run.load.refused, "retries": run.load.retries, "rate": options.rate},
        "duration_s": result["duration_s"], "started_at": started_at.isoformat(),
        "settle": result["settle"], "ledger_hash": result["ledger_hash"],
        "ledger_hash_after_replay": result["ledger_hash_after_replay"], "replay": result["replay"],
        "details": result["details"],
    }
    report["failures"] = checker.failures(report)
    report["passed"] = not report["failures"]
    return report


def write(report: dict, folder: Path = RESULTS) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"chaos-{datetime.now(timezone.utc).strftime('%Y%m%dT%H%M%SZ')}.json"
    path.write_text(json.dumps(report, indent=2, default=str) + "\n")
    return path
