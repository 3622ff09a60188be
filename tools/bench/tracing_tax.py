"""The tracing tax alone: traced and untraced bursts taking turns on one durable stack, CPU per
encounter per process for each, so the two settings meet the same machine load and a warm broker.

    .venv/bin/python -m tools.bench.tracing_tax [--burst 1000] [--rounds 2] [--warmup 50]

Every burst runs on freshly started services after a warm-up of its own (the full `make bench` runs
its untraced burst right after a restart with no warm-up); the broker and Postgres stay up throughout.
Ports: BENCH_PORT_BASE as for `make bench`. Prints one JSON line per burst, then the means.
"""
import argparse
import json
import os

from tools.bench import pipeline


def _burst(stack, label: str, warmup: int, count: int) -> dict:
    pipeline.burst(stack, warmup, label=f"{label} warm-up")
    result = pipeline.burst(stack, count, label=label)
    row = {"label": label, "load_average": [round(x, 2) for x in os.getloadavg()],
           "end_to_end_per_s": round(result["end_to_end_per_s"], 1),
           "gateway_intake_per_s": round(result["gateway_intake_per_s"], 1),
           "cpu_ms_per_encounter": round(result["cpu_ms_per_encounter"], 2),
           "by_process": {k: round(v, 2) for k, v in result["cpu_ms_per_encounter_by_process"].items()}}
    print(json.dumps(row), flush=True)
    return row


def _mean(rows: list[dict]) -> dict:
    keys = ("end_to_end_per_s", "gateway_intake_per_s", "cpu_ms_per_encounter")
    mean = {k: round(sum(r[k] for r in rows) / len(rows), 2) for k in keys}
    mean["by_process"] = {name: round(sum(r["by_process"][name] for r in rows) / len(rows), 2)
                          for name in rows[0]["by_process"]}
    return mean


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m tools.bench.tracing_tax")
    parser.add_argument("--burst", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--warmup", type=int, default=50)
    args = parser.parse_args()
    os.environ.pop("KAFKA_ACKS", None)
    stack = pipeline.bench_stack()
    rows: dict[str, list[dict]] = {"traced": [], "untraced": []}
    try:
        stack.start_infrastructure()
        stack.start_services()
        for round_ in range(args.rounds):
            if round_:
                pipeline.restart(stack)
            rows["traced"].append(_burst(stack, "traced", args.warmup, args.burst))
            pipeline.restart(stack, OTEL_SDK_DISABLED="true")
            rows["untraced"].append(_burst(stack, "untraced", args.warmup, args.burst))
    finally:
        stack.stop()
    means = {label: _mean(r) for label, r in rows.items()}
    means["tracing_tax"] = round(means["traced"]["end_to_end_per_s"] / means["untraced"]["end_to_end_per_s"], 3)
    print(json.dumps(means, indent=1))


if __name__ == "__main__":
    main()
