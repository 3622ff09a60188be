"""The result file: bench/results/<UTC timestamp>.json, one per run, and the targets it is read against."""
import json
import math
import os
import subprocess
from datetime import datetime, timezone
from pathlib import Path

RESULTS_DIR = Path(__file__).resolve().parents[2] / "bench" / "results"

# The figures every result file carries at its top level; a float figure a run could not measure is null.
REQUIRED = {
    "timestamp": str, "durable": bool, "quick": bool, "load_average": dict, "cpu_count": int,
    "end_to_end_per_s": float, "pipeline_efficiency": float, "kafka_hops_per_encounter": float,
    "gateway_intake_per_s": float, "get_direct_per_s": float, "get_gateway_per_s": float, "errors": dict,
    "p99_submit_ms": float, "cpu_ms_per_encounter": float, "durability_tax": float, "tracing_tax": float,
    "raw": dict, "stages": dict, "latency": dict, "processes": dict,
}

# (target, higher is better). 500 encounters/s end to end on 2 cores leaves 4 ms of CPU per encounter.
TARGETS = {
    "end_to_end_per_s": (500.0, True),
    "gateway_intake_per_s": (1500.0, True),
    "get_direct_per_s": (2000.0, True),
    "get_gateway_per_s": (1200.0, True),  # 0.6 of the direct target
    "cpu_ms_per_encounter": (4.0, False),
    "p99_submit_ms": (250.0, False),
    "pipeline_efficiency": (0.10, True),
}


def validate(result: dict) -> list[str]:
    """What is missing or mistyped in a result, as messages; empty when it is well formed."""
    problems = []
    for key, kind in REQUIRED.items():
        if key not in result:
            problems.append(f"missing {key}")
        elif not isinstance(result[key], (int, float, type(None)) if kind is float else kind):
            problems.append(f"{key} is {type(result[key]).__name__}, not {kind.__name__}")
    return problems


def score(result: dict) -> dict[str, float]:
    """Each targeted figure as a share of its target (1.0 = met), for the chart."""
    shares = {}
    for key, (target, higher_is_better) in TARGETS.items():
        value = result.get(key)
        if isinstance(value, (int, float)) and value > 0 and not math.isnan(value):
            shares[key] = value / target if higher_is_better else target / value
    return shares


def machine() -> dict:
    return {"load_average": list(os.getloadavg()), "cpu_count": os.cpu_count(),
            "git_commit": subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                                         text=True).stdout.strip()}


def stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def write(result: dict, directory: Path = RESULTS_DIR, name: str | None = None) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{name or result['timestamp']}.json"
    path.write_text(json.dumps(_finite(result), indent=2, sort_keys=True, allow_nan=False) + "\n")
    return path


def _finite(value):
    """NaN (a figure a run could not measure) as null: JSON has no NaN."""
    if isinstance(value, dict):
        return {str(k): _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return None if isinstance(value, float) and math.isnan(value) else value
